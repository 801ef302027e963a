using Xunit;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests;

public sealed class MathTradeSolverTests
{
    private static ClearingResult Solve(WantGraph graph, MathTradeOptions? options = null) =>
        new MathTradeSolver(options).Solve(graph, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Clear_returns_no_loops_when_nobody_wants_anything()
    {
        var graph = GraphFactory.Parse("u A", "v B", "w C");
        var result = Solve(graph);
        Assert.Empty(result.Loops);
        Assert.Equal(0, result.Stats().Trading);
    }

    [Fact]
    public void Clear_finds_a_two_way_swap()
    {
        var graph = GraphFactory.Parse("u A: B", "v B: A");
        var result = Solve(graph);
        var loop = Assert.Single(result.Loops);
        Assert.Equal(["A", "B"], GraphFactory.Names(graph, loop));
        Assert.Equal(1, result.Receives(0));
        Assert.Equal(0, result.Receives(1));
        Assert.Equal(2, result.TotalCost);
    }

    [Fact]
    public void Loops_are_in_receive_order()
    {
        // A's owner wants B, B's owner wants C, C's owner wants A: A receives B, B receives C, C receives A.
        var graph = GraphFactory.Parse("u A: B", "v B: C", "w C: A");
        var loop = Assert.Single(Solve(graph).Loops);
        Assert.Equal(["A", "B", "C"], GraphFactory.Names(graph, loop));
    }

    [Fact]
    public void Clear_prefers_more_trades_over_lower_cost()
    {
        // A 2-swap at cost 2 against a 4-loop that trades more items at a higher cost.
        var graph = GraphFactory.Parse("u A: B=1 D=50", "v B: A=1 C=50", "w C: B=50", "x D: C=50");
        var result = Solve(graph);
        Assert.Equal(4, result.Stats().Trading);
        Assert.Equal(151, result.TotalCost); // A←D, D←C, C←B at 50 each, B←A at 1
    }

    [Fact]
    public void Clear_takes_the_cheapest_of_equally_large_trades()
    {
        // Two ways to trade all four items: two swaps (cost 1 each want) or one 4-loop (cost 2 each).
        var graph = GraphFactory.Parse("u A: B=1 C=2", "v B: A=1 D=2", "w C: D=1 B=2", "x D: C=1 A=2");
        var result = Solve(graph);
        Assert.Equal(4, result.Stats().Trading);
        Assert.Equal(4, result.TotalCost);
        Assert.Equal(2, result.Loops.Count);
    }

    [Fact]
    public void Dummy_items_route_a_want_and_never_appear()
    {
        // u offers A or X, but wants only one of B and C: the dummy %G stands for "B or C".
        var graph = GraphFactory.Parse("u A: %G", "u %G: B C", "v B: A", "w C: X", "u X: C");
        var result = Solve(graph);
        Assert.All(result.Loops, l => Assert.DoesNotContain(l.Items, i => graph.IsDummy(i)));
        Assert.Equal(4, result.Stats().Trading);
        Assert.Equal(graph.ItemCount - 1, result.Loops.Sum(l => l.Size));
        int a = 0;
        Assert.Equal("B", graph.ItemName(result.Receives(a)));
        Assert.Equal(1, result.CostFor(a)); // the cost of A's want for the dummy
    }

    [Fact]
    public void Wants_across_components_are_pruned_without_changing_the_answer()
    {
        // A→B→A is a loop; C wants A but nobody wants C.
        var graph = GraphFactory.Parse("u A: B", "v B: A", "w C: A");
        var result = Solve(graph);
        Assert.False(result.Trades(2));
        Assert.Equal(2, result.Stats().Trading);
    }

    [Fact]
    public void The_same_input_gives_the_same_answer_every_run()
    {
        var graph = GraphFactory.Parse("u A: B C D", "v B: A C D", "w C: A B D", "x D: A B C");
        var first = Solve(graph);
        for (int run = 0; run < 5; run++)
        {
            var again = Solve(graph);
            Assert.Equal(first.Loops.Select(l => string.Join(",", l.Items)), again.Loops.Select(l => string.Join(",", l.Items)));
        }
    }

    [Fact]
    public void Iterations_never_lose_trades_or_cost_and_never_raise_the_sum_of_squares()
    {
        var graph = GraphFactory.Parse("u A: B C D", "v B: A C D", "w C: A B D", "x D: A B C");
        var one = Solve(graph);
        var many = Solve(graph, new MathTradeOptions { Iterations = 30, Seed = 7 });
        Assert.Equal(one.Stats().Trading, many.Stats().Trading);
        Assert.Equal(one.TotalCost, many.TotalCost);
        Assert.True(many.Stats().SumSquares <= one.Stats().SumSquares);
        var again = Solve(graph, new MathTradeOptions { Iterations = 30, Seed = 7 });
        Assert.Equal(many.Stats().SumSquares, again.Stats().SumSquares);
    }

    [Fact]
    public void Invalid_options_are_all_reported()
    {
        var e = Assert.Throws<ArgumentException>(() => new MathTradeSolver(new MathTradeOptions { Iterations = 0 }));
        Assert.Contains("Iterations", e.Message, StringComparison.Ordinal);
    }
}
