using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Yalu.Tests;

/// <summary><c>yalu clear</c> through the whole command line: exit codes, report, JSON, stdin, errors.</summary>
public sealed partial class ClearCommandTests
{
    private const string OneLoopAndANonTrade = """
        (alice) a1 : b1 c1
        (bob) b1 : c1
        (carol) c1 : a1
        (dave) d1 : a1

        """;

    /// <summary>TradeMaximizer 1.3c's report of <see cref="OneLoopAndANonTrade"/>, less its first (header) line, plus Yalu's UNTRADED ITEMS section.</summary>
    private const string ReportAfterHeader = """

        TRADE LOOPS (3 total trades):

        (ALICE) A1 receives (BOB) B1
        (BOB) B1   receives (CAROL) C1
        (CAROL) C1 receives (ALICE) A1

        ITEM SUMMARY (3 total trades):

        (ALICE) A1 receives (BOB) B1   and sends to (CAROL) C1
        (BOB) B1   receives (CAROL) C1 and sends to (ALICE) A1
        (CAROL) C1 receives (ALICE) A1 and sends to (BOB) B1
        (DAVE) D1              does not trade

        UNTRADED ITEMS (1 item):

        (DAVE) D1  nobody wants it; no single added want makes it trade

        Num trades  = 3 of 4 items (75.0%)
        Total cost  = 3 (avg 1.00)
        Num groups  = 1
        Group sizes = 3
        Sum squares = 9

        """;

    [Fact]
    public void Clear_of_a_file_exits_zero_with_the_TradeMaximizer_report()
    {
        using var file = new TempWantList(OneLoopAndANonTrade);

        var run = CliRun.Run(["clear", file.Path]);

        Assert.Equal(0, run.Code);
        int newline = run.Stdout.IndexOf('\n', StringComparison.Ordinal);
        Assert.StartsWith("Yalu ", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(ReportAfterHeader, run.Stdout[(newline + 1)..]);
        Assert.False(run.StdinOpened);
    }

    [Fact]
    public void Clear_json_parses_and_its_stats_agree_with_the_text_report()
    {
        using var file = new TempWantList("""
            #! LINEAR-PRIORITIES
            (alice) a1 : zz b1 c1
            (bob) b1 : c1 a1
            (carol) c1 : a1 b1
            (dave) d1 : e1 a1
            (erin) e1 : d1
            (frank) f1 : a1
            """);

        var text = CliRun.Run(["clear", file.Path, "--quiet"]);
        var json = CliRun.Run(["clear", "--json", file.Path, "--quiet"]);

        Assert.Equal((0, 0), (text.Code, json.Code));
        using var doc = JsonDocument.Parse(json.Stdout);
        var stats = doc.RootElement.GetProperty("stats");
        var totals = Totals().Match(text.Stdout);
        Assert.True(totals.Success, text.Stdout);
        Assert.Equal(Number(totals, "trading"), stats.GetProperty("trading").GetInt64());
        Assert.Equal(Number(totals, "items"), stats.GetProperty("items").GetInt64());
        Assert.Equal(Number(totals, "cost"), stats.GetProperty("totalCost").GetInt64());
        Assert.Equal(Number(totals, "groups"), stats.GetProperty("groups").GetInt64());
        Assert.Equal(Number(totals, "squares"), stats.GetProperty("sumSquares").GetInt64());
        Assert.Equal(
            stats.GetProperty("trading").GetInt32(),
            doc.RootElement.GetProperty("loops").EnumerateArray().Sum(loop => loop.GetArrayLength()));
        Assert.Equal(["**** Unknown item ZZ (1 occurrence)"], doc.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void Clear_dash_reads_standard_input()
    {
        var run = CliRun.Run(["clear", "-"], stdin: OneLoopAndANonTrade);

        Assert.Equal(0, run.Code);
        Assert.True(run.StdinOpened);
        Assert.EndsWith(ReportAfterHeader, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_dash_with_json_reads_standard_input()
    {
        var run = CliRun.Run(["clear", "--json", "-"], stdin: OneLoopAndANonTrade);

        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Stdout);
        var loop = Assert.Single(doc.RootElement.GetProperty("loops").EnumerateArray());
        Assert.Equal(["a1", "b1", "c1"], loop.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Errors_on_standard_input_are_named_after_the_dash()
    {
        var run = CliRun.Run(["clear", "-"], stdin: "a : b # c\n");

        Assert.Equal(1, run.Code);
        Assert.Contains("-:1:7: TM006", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_of_a_missing_file_exits_one_with_a_message_naming_it()
    {
        using var file = new TempWantList("a : b\n");

        var run = CliRun.Run(["clear", file.Missing]);

        Assert.Equal(1, run.Code);
        Assert.Contains(file.Missing, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Clear_of_a_folder_exits_one_with_a_message_naming_it()
    {
        using var file = new TempWantList("a : b\n");
        string folder = Path.GetDirectoryName(file.Path)!;

        var run = CliRun.Run(["clear", folder]);

        Assert.Equal(1, run.Code);
        Assert.Contains(folder, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_of_a_file_with_errors_exits_one_naming_file_line_and_column_of_each()
    {
        using var file = new TempWantList("""
            (alice) a1 : b1
            (bob) b1 : a1 # thanks
            (carol) c1 : a1 : b1
            """);

        var run = CliRun.Run(["clear", file.Path]);

        Assert.Equal(1, run.Code);
        Assert.Contains($"{file.Path}:2:15: TM006: Comments (#...) cannot be used after beginning of line", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file.Path}:3:17: TM024: Cannot have more than one colon on a line", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Warnings_go_to_standard_error_unless_quiet()
    {
        using var file = new TempWantList("#! VERBOSE\na : b\nb : a\n");

        var loud = CliRun.Run(["clear", file.Path]);
        var quiet = CliRun.Run(["clear", "-q", file.Path]);

        Assert.Equal((0, 0), (loud.Code, quiet.Code));
        Assert.Contains($"warning: {file.Path}:1:4: TM100", loud.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("TM100", quiet.Stderr, StringComparison.Ordinal);
        Assert.Equal(loud.Stdout, quiet.Stdout);
    }

    [Fact]
    public void Iterations_and_seed_flags_keep_the_trades_and_cost()
    {
        using var file = new TempWantList(OneLoopAndANonTrade);

        var run = CliRun.Run(["clear", file.Path, "--iterations", "5", "--seed", "7", "--json", "-q"]);

        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, doc.RootElement.GetProperty("stats").GetProperty("trading").GetInt32());
        Assert.Equal(3, doc.RootElement.GetProperty("stats").GetProperty("totalCost").GetInt64());
    }

    [Fact]
    public void Iterations_below_one_are_a_usage_error()
    {
        using var file = new TempWantList(OneLoopAndANonTrade);

        var run = CliRun.Run(["clear", file.Path, "--iterations", "0"]);

        Assert.Equal(2, run.Code);
        Assert.Contains("--iterations", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clear", "{0}", "--frobnicate")]
    [InlineData("clear", "--iterations", "many", "{0}")]
    [InlineData("clear", "{0}", "extra")]
    [InlineData("--frobnicate")]
    [InlineData("explode", "{0}")]
    public void Unknown_option_or_argument_is_a_usage_error(params string[] args)
    {
        using var file = new TempWantList(OneLoopAndANonTrade);

        var run = CliRun.Run([.. args.Select(a => string.Format(CultureInfo.InvariantCulture, a, file.Path))]);

        Assert.Equal(2, run.Code);
        Assert.Contains("yalu --help", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Clear_without_a_file_is_a_usage_error()
    {
        var run = CliRun.Run(["clear"]);

        Assert.Equal(2, run.Code);
        Assert.False(run.StdinOpened);
    }

    private static long Number(Match match, string group) =>
        long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Num trades  = (?<trading>\d+) of (?<items>\d+) items.*\nTotal cost  = (?<cost>\d+).*\nNum groups  = (?<groups>\d+)\nGroup sizes =[ \d]*\nSum squares = (?<squares>\d+)$", RegexOptions.Multiline)]
    private static partial Regex Totals();
}
