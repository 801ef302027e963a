using Xunit;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>
/// Where Debian's chromium is and how it is started. Playwright's own browser downloads are never
/// used. Without chromium the tests skip on a developer's machine and fail under CI (<c>CI</c> set).
/// </summary>
public static class Chromium
{
    /// <summary>The executable: <c>YALU_CHROMIUM</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("YALU_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Headless, no sandbox (tests run as root in CI), and nothing that calls out to the network.</summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync",
    ];

    /// <summary>Whether this run is CI's, where a missing browser is a failure rather than a skip.</summary>
    public static bool UnderCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Skips (locally) or fails (under CI) when the browser is missing.</summary>
    public static void Require()
    {
        if (File.Exists(ExecutablePath)) return;
        string message = $"chromium is not at {ExecutablePath}: apt-get install -y chromium (or set YALU_CHROMIUM)";
        if (UnderCi) Assert.Fail(message);
        Assert.Skip(message);
    }
}
