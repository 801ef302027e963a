using Xunit;
using Yalu.Formats.TradeMaximizer;
using static Yalu.Formats.Tests.TradeMaximizer.WantLists;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>How ranks become want costs under each priority scheme and step setting.</summary>
public sealed class PriorityCostTests
{
    private const string OthersWantA = """
        (bob) b : a
        (cy) c : a
        (dee) d : a
        (eve) e : a
        """;

    [Theory]
    [InlineData("", PriorityScheme.None, new long[] { 1, 1, 1 })]
    [InlineData("#! LINEAR-PRIORITIES", PriorityScheme.Linear, new long[] { 1, 2, 12 })]
    [InlineData("#! TRIANGLE-PRIORITIES", PriorityScheme.Triangle, new long[] { 1, 3, 78 })]
    [InlineData("#! SQUARE-PRIORITIES", PriorityScheme.Square, new long[] { 1, 4, 144 })]
    [InlineData("#! EXPLICIT-PRIORITIES", PriorityScheme.Explicit, new long[] { 1, 2, 12 })]
    [InlineData("#! SCALED-PRIORITIES", PriorityScheme.Scaled, new long[] { 1, 841, 1681 })]
    public void Scheme_turns_the_ranks_of_a_list_with_a_big_step_into_costs(string option, PriorityScheme scheme, long[] costs)
    {
        var doc = Read(option + "\n(ann) a : b c ; d\n" + OthersWantA);

        Assert.Equal(scheme, doc.Options.Priorities);
        Assert.Equal(costs, CostsOf(doc.Graph, "A"));
    }

    [Fact]
    public void Scaled_priorities_divide_by_the_number_of_wants_accepted_not_written()
    {
        // zz is unknown, a is the item itself and b is repeated: only b and c count, so n = 2.
        var graph = Read("#! SCALED-PRIORITIES\n(ann) a : zz b a c b\n" + OthersWantA).Graph;

        Assert.Equal(["B", "C"], WantsOf(graph, "A"));
        Assert.Equal([1L, 1 + (2520 / 2)], CostsOf(graph, "A"));
    }

    [Fact]
    public void Scaled_priorities_turn_the_big_step_off()
    {
        var doc = Read("#! SCALED-PRIORITIES\n(ann) a : b ; ; c ; d e\n" + OthersWantA);

        Assert.Equal(0, doc.Options.BigStep);
        Assert.Equal([1L, 1 + (1 * 2520 / 4), 1 + (2 * 2520 / 4), 1 + (3 * 2520 / 4)], CostsOf(doc.Graph, "A"));
    }

    [Fact]
    public void Scaled_priorities_accept_the_steps_they_would_use_anyway()
    {
        var doc = Read("#! BIG-STEP=0 SMALL-STEP=1 SCALED-PRIORITIES\n(ann) a : b c\n" + OthersWantA);

        Assert.Equal(PriorityScheme.Scaled, doc.Options.Priorities);
        Assert.Equal([1L, 1261], CostsOf(doc.Graph, "A"));
    }

    [Fact]
    public void Linear_after_scaled_keeps_the_big_step_at_zero_as_1_3b_did()
    {
        var doc = Read("#! SCALED-PRIORITIES LINEAR-PRIORITIES\n(ann) a : b ; c\n" + OthersWantA);

        Assert.Equal(PriorityScheme.Linear, doc.Options.Priorities);
        Assert.Equal([1L, 2], CostsOf(doc.Graph, "A"));
    }

    [Fact]
    public void Small_and_big_step_set_the_rank_increments()
    {
        var doc = Read("#! LINEAR-PRIORITIES SMALL-STEP=3 BIG-STEP=100\n(ann) a : b c ; d e\n" + OthersWantA);

        Assert.Equal((3, 100), (doc.Options.SmallStep, doc.Options.BigStep));
        // b 1; c 4; ';' takes 7 to 107: d 107; e 110
        Assert.Equal([1L, 4, 107, 110], CostsOf(doc.Graph, "A"));
    }

    [Fact]
    public void Zero_steps_give_every_want_the_same_rank()
    {
        var graph = Read("#! SQUARE-PRIORITIES SMALL-STEP=0 BIG-STEP=0\n(ann) a : b c ; d\n" + OthersWantA).Graph;

        Assert.Equal([1L, 1, 1], CostsOf(graph, "A"));
    }

    [Fact]
    public void Rejected_wants_take_no_rank_step()
    {
        // zz unknown, a its own item, b repeated: none of them moves the rank.
        var graph = Read("#! LINEAR-PRIORITIES\n(ann) a : zz b a b c\n" + OthersWantA).Graph;

        Assert.Equal([1L, 2], CostsOf(graph, "A"));
    }

    [Fact]
    public void Explicit_priority_sets_the_rank_and_later_wants_count_on_from_it()
    {
        var graph = Read("#! EXPLICIT-PRIORITIES\n(ann) a : b=5 c ; d=20 e\n" + OthersWantA).Graph;

        Assert.Equal(["B", "C", "D", "E"], WantsOf(graph, "A"));
        Assert.Equal([5L, 6, 20, 21], CostsOf(graph, "A"));
    }

    [Fact]
    public void Explicit_priority_may_go_down_as_well_as_up()
    {
        var graph = Read("#! EXPLICIT-PRIORITIES\n(ann) a : b=50 c=3 d\n" + OthersWantA).Graph;

        Assert.Equal([50L, 3, 4], CostsOf(graph, "A"));
    }

    [Fact]
    public void Explicit_priority_without_the_option_is_a_problem_and_the_want_is_dropped()
    {
        var doc = Read("#! LINEAR-PRIORITIES\n(ann) a : b=5 c\n" + OthersWantA);

        Assert.Equal(["C"], WantsOf(doc.Graph, "A"));
        Assert.Equal([1L], CostsOf(doc.Graph, "A"));
        Assert.Equal(
            "**** Cannot use '=' annotation in item B=5 in want list for item A unless using EXPLICIT_PRIORITIES.",
            Assert.Single(doc.Problems));
    }

    [Theory]
    [InlineData("b=x")]
    [InlineData("=3")]
    [InlineData("b=")]
    [InlineData("b=1=2")]
    public void Explicit_priority_that_is_not_name_equals_number_is_a_problem(string want)
    {
        var doc = Read("#! EXPLICIT-PRIORITIES\n(ann) a : " + want + " c\n" + OthersWantA);

        Assert.Equal(["C"], WantsOf(doc.Graph, "A"));
        Assert.Equal(
            $"**** Item {want.ToUpperInvariant()} in want list for item A must have the format 'name=number'.",
            Assert.Single(doc.Problems));
    }

    [Fact]
    public void Explicit_priority_of_zero_is_a_problem()
    {
        var doc = Read("#! EXPLICIT-PRIORITIES\n(ann) a : b=0 c\n" + OthersWantA);

        Assert.Equal(["C"], WantsOf(doc.Graph, "A"));
        Assert.Equal("**** Explicit priority must be positive in item B=0 in want list for item A.", Assert.Single(doc.Problems));
    }

    [Fact]
    public void Wants_of_a_dummy_all_cost_the_nontrade_cost()
    {
        var doc = Read("#! ALLOW-DUMMIES LINEAR-PRIORITIES NONTRADE-COST=500\n(ann) %g : b ; c\n(ann) a : %g\n" + OthersWantA);
        var graph = doc.Graph;

        Assert.Equal(500, graph.NonTradeCost);
        Assert.Equal([500L, 500], CostsOf(graph, "%G for user (ANN)"));
        Assert.Equal([1L], CostsOf(graph, "A"));
    }

    [Fact]
    public void Nontrade_cost_defaults_to_one_billion()
    {
        var graph = Read("a : b\nb : a\n").Graph;

        Assert.Equal(1_000_000_000L, graph.NonTradeCost);
    }
}
