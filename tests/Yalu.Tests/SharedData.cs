using Xunit;
namespace Yalu.Tests;

/// <summary>
/// Finds ../shared/data beside the repository (or $YALU_SHARED_DATA). Real-data tests skip when it
/// is missing on a developer's machine, and fail when the CI variable is set.
/// </summary>
internal static class SharedData
{
    public static string? Root { get; } = Locate();

    private static string? Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("YALU_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment)) return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Yalu.slnx")))
            {
                string data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }
        return null;
    }

    /// <summary>The folder of one data set, or a skip (a failure under CI) when it is missing.</summary>
    public static string Require(string set)
    {
        string? path = Root is null ? null : Path.Combine(Root, set);
        if (path is not null && Directory.Exists(path)) return path;
        string message = $"real data not found: ../shared/data/{set} is missing (put the shared folder beside the repository or set YALU_SHARED_DATA)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail(message);
        Assert.Skip(message);
        return "";
    }

    /// <summary>The rows of a data set's expected.tsv as column → value maps.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Expected(string set)
    {
        string file = Path.Combine(Require(set), "expected.tsv");
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split('\t');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split('\t');
            return (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : ""))
                .ToDictionary(p => p.h, p => p.v, StringComparer.Ordinal);
        })];
    }

    /// <summary>
    /// The first column of each row of a data set's expected.tsv, as theory data; one placeholder row
    /// when the data is missing, so the test still runs (and skips, or fails under CI, in <see cref="Require"/>).
    /// </summary>
    public static TheoryData<string> ExpectedNames(string set)
    {
        var data = new TheoryData<string>();
        string tsv = Root is null ? "" : Path.Combine(Root, set, "expected.tsv");
        if (!File.Exists(tsv))
        {
            data.Add("(data missing)");
            return data;
        }
        foreach (string line in File.ReadAllLines(tsv).Skip(1).Where(l => l.Length > 0)) data.Add(line.Split('\t')[0]);
        return data;
    }
}
