using Xunit;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>
/// Where Debian's chromium is and how it is started. Playwright's own browser downloads are never
/// used. Without chromium the tests skip on a developer's machine and fail under CI (<c>CI</c> set).
/// </summary>
public static class Chromium
{
    /// <summary>
    /// The executable: <c>YALU_CHROMIUM</c> when set (a path that does not exist means "no browser"),
    /// else Debian's <c>/usr/bin/chromium</c>, else <c>chromium</c> or <c>chromium-browser</c> on the PATH.
    /// </summary>
    public static string ExecutablePath { get; } = Locate();

    /// <summary>Whether the executable is there.</summary>
    public static bool Found => File.Exists(ExecutablePath);

    /// <summary>Headless, no sandbox (tests run as root in CI), and nothing that calls out to the network.</summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync",
    ];

    /// <summary>Whether this run is CI's, where a missing browser is a failure rather than a skip.</summary>
    public static bool UnderCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The one line a skipped (or, under CI, failed) browser test reports.</summary>
    public static string MissingMessage =>
        $"chromium not found at {ExecutablePath}: browser tests need it (apt-get install -y chromium, or set YALU_CHROMIUM to its path)";

    /// <summary>Skips (locally) or fails (under CI) when the browser is missing.</summary>
    public static void Require()
    {
        if (Found) return;
        if (UnderCi) Assert.Fail(MissingMessage);
        Assert.Skip(MissingMessage);
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("YALU_CHROMIUM") is { Length: > 0 } path) return path;
        const string debian = "/usr/bin/chromium";
        if (File.Exists(debian)) return debian;
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in new[] { "chromium", "chromium-browser" })
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return debian;
    }
}
