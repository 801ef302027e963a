using Xunit;
using static Yalu.Formats.Tests.TradeMaximizer.WantLists;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>How a want-list line is split into owner, item and wants.</summary>
public sealed class WantListSyntaxTests
{
    [Fact]
    public void Username_in_parentheses_owns_the_item_and_may_contain_spaces()
    {
        var graph = Read("""
            (alice smith) a1 : b1
            (bob)  b1 : a1
            """).Graph;

        Assert.Equal("ALICE SMITH", OwnerOf(graph, "A1"));
        Assert.Equal("BOB", OwnerOf(graph, "B1"));
        Assert.Equal(2, graph.UserCount);
    }

    [Fact]
    public void Items_of_one_username_share_one_owner()
    {
        var graph = Read("""
            (ann) a1 : b1
            (ann) a2 : b1
            (bob) b1 : a1
            """).Graph;

        Assert.Equal(graph.Owner(Item(graph, "A1")), graph.Owner(Item(graph, "A2")));
        Assert.NotEqual(graph.Owner(Item(graph, "A1")), graph.Owner(Item(graph, "B1")));
    }

    [Fact]
    public void Want_list_without_username_has_no_owner()
    {
        var graph = Read("""
            a1 : b1
            b1 : a1
            """).Graph;

        Assert.Null(OwnerOf(graph, "A1"));
        Assert.Equal(0, graph.UserCount);
    }

    [Fact]
    public void Colon_after_the_item_is_optional_and_may_touch_either_name()
    {
        var graph = Read("""
            a1 b1 c1
            b1: a1
            c1 :a1
            d1:a1
            """).Graph;

        Assert.Equal(["B1", "C1"], WantsOf(graph, "A1"));
        Assert.Equal(["A1"], WantsOf(graph, "B1"));
        Assert.Equal(["A1"], WantsOf(graph, "C1"));
        Assert.Equal(["A1"], WantsOf(graph, "D1"));
    }

    [Fact]
    public void Item_with_colon_and_no_wants_is_an_item_that_wants_nothing()
    {
        var graph = Read("""
            a1 :
            b1
            c1 : a1 b1
            """).Graph;

        Assert.Equal(3, graph.ItemCount);
        Assert.Empty(WantsOf(graph, "A1"));
        Assert.Empty(WantsOf(graph, "B1"));
        Assert.Equal(["A1", "B1"], WantsOf(graph, "C1"));
    }

    [Fact]
    public void Wants_keep_the_order_they_are_written_in()
    {
        var graph = Read("""
            a : d b c
            b : a
            c : a
            d : a
            """).Graph;

        Assert.Equal(["D", "B", "C"], WantsOf(graph, "A"));
    }

    [Fact]
    public void Tabs_and_runs_of_spaces_separate_names()
    {
        var graph = Read("(ann)\ta\t:\tb   c\n(bob) b : a\n(cy) c : a\n").Graph;

        Assert.Equal(["B", "C"], WantsOf(graph, "A"));
        Assert.Equal("ANN", OwnerOf(graph, "A"));
    }

    [Fact]
    public void Blank_lines_and_surrounding_white_space_are_ignored()
    {
        var graph = Read("\n   \n\t(ann) a : b   \n\n  (bob) b : a\t\n\n").Graph;

        Assert.Equal(["A", "B"], Names(graph));
        Assert.Equal(["B"], WantsOf(graph, "A"));
    }

    [Fact]
    public void Line_starting_with_a_hash_is_a_comment()
    {
        var graph = Read("""
            # a : b c  (a comment, not a want list)
            a : b
              # an indented comment
            #(ann) c : a
            b : a
            """).Graph;

        Assert.Equal(["A", "B"], Names(graph));
    }

    [Fact]
    public void Hash_later_in_a_want_list_line_is_a_fatal_error_at_its_column()
    {
        var error = SingleError("""
            a1 : b1
            b1 : a1 # thanks!
            """);

        Assert.Equal(("TM006", 2, 9), (error.Code, error.Line, error.Column));
        Assert.Equal("Comments (#...) cannot be used after beginning of line", error.Message);
    }

    [Fact]
    public void Names_are_upper_cased_so_any_spelling_names_the_same_item()
    {
        var graph = Read("""
            (Ann) Red-Box : blue-BOX
            (bob) BLUE-box : red-box
            """).Graph;

        Assert.Equal(["RED-BOX", "BLUE-BOX"], Names(graph));
        Assert.Equal(["BLUE-BOX"], WantsOf(graph, "RED-BOX"));
        Assert.Equal(["RED-BOX"], WantsOf(graph, "BLUE-BOX"));
        Assert.Equal("ANN", OwnerOf(graph, "RED-BOX"));
    }

    [Fact]
    public void Item_label_keeps_the_spelling_of_the_want_list_that_defines_it()
    {
        var graph = Read("""
            (Ann) Red-Box : blue-BOX
            (bob) BLUE-box : red-box
            """).Graph;

        Assert.Equal("Red-Box", graph.ItemLabel(Item(graph, "RED-BOX")));
        Assert.Equal("BLUE-box", graph.ItemLabel(Item(graph, "BLUE-BOX")));
    }

    [Fact]
    public void Case_sensitive_keeps_names_that_differ_only_in_case_apart()
    {
        var doc = Read("""
            #! CASE-SENSITIVE
            (Ann) a1 : B1 b1
            (bob) b1 : a1
            (cy) B1 : a1 A1
            """);
        var graph = doc.Graph;

        Assert.True(doc.Options.CaseSensitive);
        Assert.Equal(["a1", "b1", "B1"], Names(graph));
        Assert.Equal(["B1", "b1"], WantsOf(graph, "a1"));
        Assert.Equal(["a1"], WantsOf(graph, "B1"));
        Assert.Equal("Ann", OwnerOf(graph, "a1"));
        Assert.Contains("**** Unknown item A1 (1 occurrence)", doc.Problems);
    }

    [Fact]
    public void Semicolon_adds_the_big_step_to_the_rank_of_the_wants_after_it()
    {
        var graph = Read("""
            #! LINEAR-PRIORITIES
            a : b ; c d ; ; e
            b : a
            c : a
            d : a
            e : a
            """).Graph;

        // ranks: b 1; c 2 + 9; d 12; e 13 + 9 + 9
        Assert.Equal([1L, 11, 12, 31], CostsOf(graph, "A"));
    }

    [Fact]
    public void Semicolon_touching_names_still_separates_them()
    {
        var graph = Read("""
            #! LINEAR-PRIORITIES
            a : b;c
            b : a
            c : a
            """).Graph;

        Assert.Equal(["B", "C"], WantsOf(graph, "A"));
        Assert.Equal([1L, 11], CostsOf(graph, "A"));
    }

    [Fact]
    public void Semicolon_right_after_the_colon_raises_the_first_rank()
    {
        var graph = Read("""
            #! LINEAR-PRIORITIES
            (ann) a : ; b
            (bob) b : a
            """).Graph;

        Assert.Equal([10L], CostsOf(graph, "A"));
    }
}
