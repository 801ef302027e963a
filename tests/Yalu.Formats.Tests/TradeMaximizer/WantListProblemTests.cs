using Xunit;
using static Yalu.Formats.Tests.TradeMaximizer.WantLists;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>Non-fatal problems: reported in TradeMaximizer's words, the rest of the file still read.</summary>
public sealed class WantListProblemTests
{
    [Fact]
    public void Second_want_list_for_the_same_item_is_a_problem_and_the_first_wins()
    {
        var doc = Read("""
            (ann) a : b
            (bob) b : a
            (ann) A : c
            (cy) c : a
            """);

        Assert.Equal(["B"], WantsOf(doc.Graph, "A"));
        Assert.Equal(
            "**** Item A has multiple want lists--ignoring all but first.  (Sometimes the result of an accidental line break in the middle of a want list.)",
            Assert.Single(doc.Problems));
    }

    [Fact]
    public void Unknown_wanted_items_are_counted_once_per_name()
    {
        var doc = Read("""
            a : x b x y
            b : a x
            """);

        Assert.Equal(["B"], WantsOf(doc.Graph, "A"));
        Assert.Equal(
            ["**** Unknown item X (3 occurrences)", "**** Unknown item Y (1 occurrence)"],
            doc.Problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Item_in_its_own_want_list_is_a_problem_and_dropped()
    {
        var doc = Read("a : a b\nb : a\n");

        Assert.Equal(["B"], WantsOf(doc.Graph, "A"));
        Assert.Equal("**** Item A appears in its own want list.", Assert.Single(doc.Problems));
    }

    [Fact]
    public void Wanting_an_item_of_the_same_user_is_a_problem_and_dropped()
    {
        var doc = Read("""
            (ann) a : b c
            (ann) b : a
            (bob) c : a
            """);

        Assert.Equal(["C"], WantsOf(doc.Graph, "A"));
        // The doubled parentheses are TradeMaximizer 1.3c's wording, kept so reports compare line for line.
        Assert.Equal(
            ["**** Item A contains item B from the same user ((ANN))", "**** Item B contains item A from the same user ((ANN))"],
            doc.Problems);
    }

    [Fact]
    public void Items_without_usernames_never_share_an_owner()
    {
        var doc = Read("a : b\nb : a\n");

        Assert.Empty(doc.Problems);
        Assert.Equal(["B"], WantsOf(doc.Graph, "A"));
    }

    [Fact]
    public void Repeated_want_is_a_problem_and_kept_once_at_its_first_rank()
    {
        var doc = Read("""
            #! LINEAR-PRIORITIES
            a : b c b
            b : a
            c : a
            """);

        Assert.Equal(["B", "C"], WantsOf(doc.Graph, "A"));
        Assert.Equal([1L, 2], CostsOf(doc.Graph, "A"));
        Assert.Equal("**** Item B is repeated in want list for A.", Assert.Single(doc.Problems));
    }

    [Fact]
    public void Hide_repeats_drops_the_repeat_without_a_problem()
    {
        var doc = Read("""
            #! HIDE-REPEATS
            a : b c b
            b : a
            c : a
            """);

        Assert.False(doc.Options.ShowRepeats);
        Assert.Equal(["B", "C"], WantsOf(doc.Graph, "A"));
        Assert.Empty(doc.Problems);
    }

    [Fact]
    public void Problems_do_not_stop_the_reading()
    {
        var result = Yalu.Formats.TradeMaximizer.TradeMaximizerReader.ReadText("a : a zz\nb : a\na : b\n");

        Assert.True(result.Success);
        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Value!.Problems.Count);
        Assert.Equal(["A", "B"], Names(result.Value.Graph));
    }
}
