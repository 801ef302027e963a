using Xunit;
using Yalu.Formats.TradeMaximizer;
using static Yalu.Formats.Tests.TradeMaximizer.WantLists;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>The <c>#!</c> option lines: what each sets, what is only warned about, what is an error.</summary>
public sealed class ReaderOptionTests
{
    private const string TwoItems = "a : b\nb : a\n";

    [Fact]
    public void File_without_options_gets_the_defaults_of_TradeMaximizer_1_3c()
    {
        var doc = Read(TwoItems);

        Assert.Equal(new TradeMaximizerOptions(), doc.Options);
        Assert.Empty(doc.OptionEcho);
        var options = doc.Options;
        Assert.Equal((PriorityScheme.None, 1, 9, 1_000_000_000L, 1, (long?)null), (options.Priorities, options.SmallStep, options.BigStep, options.NonTradeCost, options.Iterations, options.Seed));
        Assert.True(options.ShowErrors && options.ShowRepeats && options.ShowLoops && options.ShowSummary && options.ShowNonTrades && options.ShowStats);
        Assert.False(options.ShowMissing || options.SortByItem || options.ShowElapsedTime || options.AllowDummies);
        Assert.False(options.CaseSensitive || options.RequireColons || options.RequireUsernames);
    }

    [Theory]
    [InlineData("CASE-SENSITIVE", nameof(TradeMaximizerOptions.CaseSensitive), true)]
    [InlineData("REQUIRE-COLONS", nameof(TradeMaximizerOptions.RequireColons), true)]
    [InlineData("REQUIRE-USERNAMES", nameof(TradeMaximizerOptions.RequireUsernames), true)]
    [InlineData("ALLOW-DUMMIES", nameof(TradeMaximizerOptions.AllowDummies), true)]
    [InlineData("HIDE-ERRORS", nameof(TradeMaximizerOptions.ShowErrors), false)]
    [InlineData("HIDE-REPEATS", nameof(TradeMaximizerOptions.ShowRepeats), false)]
    [InlineData("HIDE-LOOPS", nameof(TradeMaximizerOptions.ShowLoops), false)]
    [InlineData("HIDE-SUMMARY", nameof(TradeMaximizerOptions.ShowSummary), false)]
    [InlineData("HIDE-NONTRADES", nameof(TradeMaximizerOptions.ShowNonTrades), false)]
    [InlineData("HIDE-STATS", nameof(TradeMaximizerOptions.ShowStats), false)]
    [InlineData("SHOW-MISSING", nameof(TradeMaximizerOptions.ShowMissing), true)]
    [InlineData("SORT-BY-ITEM", nameof(TradeMaximizerOptions.SortByItem), true)]
    [InlineData("SHOW-ELAPSED-TIME", nameof(TradeMaximizerOptions.ShowElapsedTime), true)]
    public void Switch_option_sets_its_flag(string option, string property, bool expected)
    {
        var doc = Read("#! " + option + "\n(ann) a : b\n(bob) b : a\n");
        var value = typeof(TradeMaximizerOptions).GetProperty(property)!.GetValue(doc.Options);

        Assert.Equal(expected, value);
        Assert.Equal([option], doc.OptionEcho);
        Assert.Equal(new TradeMaximizerOptions(), SetBack(doc.Options, property));
    }

    [Fact]
    public void Numeric_options_set_their_values()
    {
        var doc = Read("#! SMALL-STEP=3 BIG-STEP=40 NONTRADE-COST=77 ITERATIONS=50 SEED=12345\n" + TwoItems);

        Assert.Equal(3, doc.Options.SmallStep);
        Assert.Equal(40, doc.Options.BigStep);
        Assert.Equal(77, doc.Options.NonTradeCost);
        Assert.Equal(77, doc.Graph.NonTradeCost);
        Assert.Equal(50, doc.Options.Iterations);
        Assert.Equal(12345L, doc.Options.Seed);
    }

    [Fact]
    public void Options_are_case_insensitive_and_echoed_upper_cased_in_file_order()
    {
        var doc = Read("#!   linear-priorities \t Iterations=5\n# a comment between\n  #! seed=3\n" + TwoItems);

        Assert.Equal(PriorityScheme.Linear, doc.Options.Priorities);
        Assert.Equal(["LINEAR-PRIORITIES", "ITERATIONS=5", "SEED=3"], doc.OptionEcho);
    }

    [Fact]
    public void Empty_option_line_is_ignored()
    {
        var result = TradeMaximizerReader.ReadText("#!\n" + TwoItems);

        Assert.True(result.Success);
        Assert.Empty(result.Value!.OptionEcho);
    }

    [Theory]
    [InlineData("VERBOSE")]
    [InlineData("DEBUG")]
    [InlineData("SHOW-WANTS")]
    [InlineData("SHRINK-VERBOSE")]
    [InlineData("GEEKLIST=123456")]
    [InlineData("CODE-DIGITS=4")]
    [InlineData("CODE-LETTERS=2")]
    [InlineData("YEAR=2024")]
    [InlineData("MONTH=5")]
    public void Option_Yalu_does_not_act_on_is_accepted_with_a_warning_at_its_column(string option)
    {
        var result = TradeMaximizerReader.ReadText("#! ALLOW-DUMMIES " + option + "\n" + TwoItems);

        Assert.True(result.Success);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("TM100", 1, 18), (warning.Code, warning.Line, warning.Column));
        Assert.Contains(option, warning.Message, StringComparison.Ordinal);
        Assert.Equal(["ALLOW-DUMMIES", option], result.Value!.OptionEcho);
    }

    [Fact]
    public void Metric_and_favored_user_are_accepted_and_kept_upper_cased()
    {
        var doc = Read("#! METRIC=USERS-TRADING FAVOR-USER=bob\n" + TwoItems);

        Assert.Equal("USERS-TRADING", doc.Options.Metric);
        Assert.Equal("BOB", doc.Options.FavorUser);
        Assert.Equal(["METRIC=USERS-TRADING", "FAVOR-USER=BOB"], doc.OptionEcho);
    }

    [Fact]
    public void Empty_metric_is_an_error_at_the_option()
    {
        var error = SingleError("#! LINEAR-PRIORITIES METRIC=\n" + TwoItems);

        Assert.Equal(("TM004", 1, 22), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Shrink_level_above_zero_warns_that_it_changes_nothing()
    {
        var shrink = TradeMaximizerReader.ReadText("#! SHRINK=2\n" + TwoItems);
        var none = TradeMaximizerReader.ReadText("#! SHRINK=0\n" + TwoItems);

        Assert.Equal(2, shrink.Value!.Options.Shrink);
        Assert.Equal("TM101", Assert.Single(shrink.Warnings).Code);
        Assert.True(none.Success);
        Assert.Empty(none.Warnings);
    }

    [Fact]
    public void Unknown_option_is_an_error_naming_it_with_its_line_and_column()
    {
        var error = SingleError("# options follow\n#! LINEAR-PRIORITIES  FROBNICATE\n" + TwoItems);

        Assert.Equal(("TM003", 2, 23), (error.Code, error.Line, error.Column));
        Assert.Equal("Unknown option \"FROBNICATE\"", error.Message);
    }

    [Theory]
    [InlineData("SMALL-STEP=two", "SMALL-STEP argument must be a non-negative integer")]
    [InlineData("SMALL-STEP=", "SMALL-STEP argument must be a non-negative integer")]
    [InlineData("BIG-STEP=-1", "BIG-STEP argument must be a non-negative integer")]
    [InlineData("NONTRADE-COST=0", "NONTRADE-COST argument must be a positive integer (at most 10^18)")]
    [InlineData("ITERATIONS=0", "ITERATIONS argument must be a positive integer (at most 1000000)")]
    [InlineData("ITERATIONS=1000001", "ITERATIONS argument must be a positive integer (at most 1000000)")]
    [InlineData("SEED=0", "SEED argument must be a positive integer")]
    [InlineData("SEED=x1", "SEED argument must be a positive integer")]
    [InlineData("SHRINK=12", "SHRINK argument must be a single digit")]
    [InlineData("FAVOR-USER=", "FAVOR-USER argument must not be empty")]
    public void Malformed_option_argument_is_an_error_at_the_option(string option, string message)
    {
        var error = SingleError("#! LINEAR-PRIORITIES " + option + "\n" + TwoItems);

        Assert.Equal(("TM004", 1, 22, message), (error.Code, error.Line, error.Column, error.Message));
    }

    [Theory]
    [InlineData("BIG-STEP=3 SCALED-PRIORITIES", 15, "Do not set BIG-STEP when using SCALED-PRIORITIES")]
    [InlineData("SCALED-PRIORITIES BIG-STEP=3", 22, "Do not set BIG-STEP when using SCALED-PRIORITIES")]
    [InlineData("SMALL-STEP=2 SCALED-PRIORITIES", 17, "Do not set SMALL-STEP when using SCALED-PRIORITIES")]
    [InlineData("SCALED-PRIORITIES SMALL-STEP=2", 22, "Do not set SMALL-STEP when using SCALED-PRIORITIES")]
    public void Steps_other_than_scaled_ones_with_scaled_priorities_are_an_error(string options, int column, string message)
    {
        var error = SingleError("#! " + options + "\n" + TwoItems);

        Assert.Equal(("TM005", 1, column, message), (error.Code, error.Line, error.Column, error.Message));
    }

    [Fact]
    public void Options_after_the_first_want_list_are_an_error()
    {
        var error = SingleError("#! LINEAR-PRIORITIES\na : b\n#! ALLOW-DUMMIES\nb : a\n");

        Assert.Equal(("TM001", 3, 1), (error.Code, error.Line, error.Column));
        Assert.Equal("Options (#!...) cannot be declared after first real want list", error.Message);
    }

    [Fact]
    public void Options_after_official_names_are_an_error()
    {
        var error = SingleError("!BEGIN-OFFICIAL-NAMES\na\nb\n!END-OFFICIAL-NAMES\n  #! ALLOW-DUMMIES\n" + TwoItems);

        Assert.Equal(("TM002", 5, 3), (error.Code, error.Line, error.Column));
        Assert.Equal("Options (#!...) cannot be declared after official names", error.Message);
    }

    /// <summary>The options with <paramref name="property"/> put back to its default.</summary>
    private static TradeMaximizerOptions SetBack(TradeMaximizerOptions options, string property)
    {
        var copy = options with { };
        var info = typeof(TradeMaximizerOptions).GetProperty(property)!;
        info.SetValue(copy, info.GetValue(new TradeMaximizerOptions()));
        return copy;
    }
}
