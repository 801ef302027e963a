using Xunit;
using Yalu.Engine.Capped;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests.Capped;

/// <summary>Hand-built pools with known capped optima.</summary>
public sealed class CappedSolverTests
{
    private static CappedResult Clear(WantGraph graph, int maxCycle, int maxChain, CappedFormulation formulation = CappedFormulation.Auto) =>
        new CappedSolver(new CappedOptions { MaxCycle = maxCycle, MaxChain = maxChain, Formulation = formulation }).Solve(graph, cancellationToken: TestContext.Current.CancellationToken);

    private static string[] Names(WantGraph graph, Exchange exchange) => [.. exchange.Items.Select(graph.ItemName)];

    public static TheoryData<CappedFormulation> AllFormulations() =>
        [CappedFormulation.Auto, CappedFormulation.Picef, CappedFormulation.Routes, CappedFormulation.ColumnGeneration];

    [Theory]
    [MemberData(nameof(AllFormulations))]
    public void Overlapping_loops_take_the_three_loop_when_the_cap_allows_it(CappedFormulation formulation)
    {
        // p0⇄p1 is a 2-loop; p0→p1→p2→p0 a 3-loop sharing p0 and p1.
        var graph = Pools.Parse(3, 0, "0>1 1>0 1>2 2>0");
        Assert.Equal(3, Clear(graph, 3, 0, formulation).Objective);
        var capped = Clear(graph, 2, 0, formulation);
        Assert.Equal(2, capped.Objective);
        Assert.Equal(ClearingStatus.Optimal, capped.Status);
        Assert.Equal(["p0", "p1"], Names(graph, Assert.Single(capped.Clearing.Loops)));
    }

    [Theory]
    [MemberData(nameof(AllFormulations))]
    public void A_chain_beats_a_loop_when_it_moves_more_items(CappedFormulation formulation)
    {
        // d0 gives to p0, p0 to p1, p1 to p2 (a chain of 3 legs); p0⇄p1 is a 2-loop.
        var graph = Pools.Parse(3, 1, "3>0 0>1 1>2 1>0");
        var result = Clear(graph, 3, 3, formulation);
        Assert.Equal(3, result.Objective);
        Assert.Empty(result.Clearing.Loops);
        // Receive order: p2 receives p1's item, p1 receives p0's, p0 the donor's.
        Assert.Equal(["p2", "p1", "p0", "d0"], Names(graph, Assert.Single(result.Clearing.Chains)));
        // One leg allowed: the loop (2) beats the chain d0 → p0 (1).
        var short1 = Clear(graph, 3, 1, formulation);
        Assert.Equal(2, short1.Objective);
        Assert.Empty(short1.Clearing.Chains);
    }

    [Theory]
    [MemberData(nameof(AllFormulations))]
    public void Chains_stop_at_the_leg_cap_which_counts_the_donors_gift(CappedFormulation formulation)
    {
        var graph = Pools.Parse(3, 1, "3>0 0>1 1>2");
        var result = Clear(graph, 3, 2, formulation);
        Assert.Equal(2, result.Objective);
        Assert.Equal(["p1", "p0", "d0"], Names(graph, Assert.Single(result.Clearing.Chains)));
        Assert.Equal(0, Clear(graph, 3, 0, formulation).Objective);
    }

    [Theory]
    [MemberData(nameof(AllFormulations))]
    public void Weights_can_make_a_longer_loop_worse(CappedFormulation formulation)
    {
        // p0⇄p1 worth 2 + 2; p0→p2→p3→p0 worth 1 + 1 + 1.
        var graph = Pools.Build(4, 0, (0, 1, 2), (1, 0, 2), (0, 2, 1), (2, 3, 1), (3, 0, 1));
        var result = Clear(graph, 3, 0, formulation);
        Assert.Equal(4, result.Objective);
        Assert.Equal(["p0", "p1"], Names(graph, Assert.Single(result.Clearing.Loops)));
    }

    [Theory]
    [MemberData(nameof(AllFormulations))]
    public void Real_weights_are_optimised_exactly(CappedFormulation formulation)
    {
        // Two loops through p0: 0.1 + 0.2 (p0⇄p1) against 0.15 + 0.125 + 0.05 (p0→p2→p3→p0).
        var graph = Pools.Build(4, 0, (0, 1, 0.1), (1, 0, 0.2), (0, 2, 0.15), (2, 3, 0.125), (3, 0, 0.05));
        var result = Clear(graph, 3, 0, formulation);
        Assert.Equal(0.325, result.Objective, 12);
        Assert.Equal(ClearingStatus.Optimal, result.Status);
    }

    [Fact]
    public void Loops_are_in_receive_order()
    {
        // Gifts p0 → p1 → p2 → p0: p1 receives p0's item, so p1 wants p0.
        var graph = Pools.Parse(3, 0, "0>1 1>2 2>0");
        var loop = Assert.Single(Clear(graph, 3, 0).Clearing.Loops);
        for (int i = 0; i < loop.Size; i++)
        {
            int receiver = loop.Items[i], given = loop.Items[(i + 1) % loop.Size];
            Assert.True(graph.WantsOf(receiver).Contains(given));
        }
        Assert.Equal(["p0", "p2", "p1"], Names(graph, loop));
    }

    [Fact]
    public void Independent_parts_are_solved_separately_and_added_up()
    {
        var graph = Pools.Parse(7, 0, "0>1 1>0 2>3 3>4 4>2 5>6 6>5");
        var result = Clear(graph, 3, 0);
        Assert.Equal(7, result.Objective);
        Assert.Equal(3, result.Statistics.Parts);
        Assert.Equal(3, result.Clearing.Loops.Count);
    }

    [Fact]
    public void Arcs_on_no_short_loop_and_no_chain_are_removed()
    {
        // p0→p1→p2→p3→p0 is a 4-loop: with k = 3 none of its arcs can be used.
        var graph = Pools.Parse(4, 0, "0>1 1>2 2>3 3>0");
        var result = Clear(graph, 3, 0);
        Assert.Equal(0, result.Objective);
        Assert.Equal(0, result.Statistics.ArcsKept);
        Assert.Equal(ClearingStatus.Optimal, result.Status);
        Assert.Equal(4, Clear(graph, 4, 0).Objective);
    }

    [Fact]
    public void An_expired_time_limit_still_returns_a_valid_clearing_with_its_bound()
    {
        var graph = Pools.Parse(4, 1, "0>1 1>0 2>3 3>2 4>0 1>2");
        var clock = new JumpingClock(TimeSpan.FromMinutes(1));
        var result = new CappedSolver(new CappedOptions { MaxCycle = 3, MaxChain = 2, TimeLimit = TimeSpan.FromSeconds(1), Formulation = CappedFormulation.ColumnGeneration }, clock)
            .Solve(graph, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Bound >= result.Objective);
        Assert.InRange(result.Gap, 0, 1);
        if (result.Status == ClearingStatus.Feasible) Assert.True(result.Bound > result.Objective);
    }

    [Fact]
    public void Dummy_items_are_refused()
    {
        var builder = new WantGraphBuilder(1000);
        int alice = builder.User("alice");
        int a = builder.AddItem("a", "a", alice, isDummy: false);
        int dummy = builder.AddItem("%d", "%d", alice, isDummy: true);
        builder.AddWant(a, dummy, 1);
        Assert.Throws<ArgumentException>(() => new CappedSolver().Solve(builder.Build(), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Invalid_options_are_reported_together()
    {
        var error = Assert.Throws<ArgumentException>(() => new CappedSolver(new CappedOptions { MaxCycle = -1, MaxChain = -2, Workers = 0 }));
        Assert.Contains("MaxCycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxChain", error.Message, StringComparison.Ordinal);
        Assert.Contains("Workers", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A clock on which every reading is <paramref name="step"/> later than the one before.</summary>
    private sealed class JumpingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
