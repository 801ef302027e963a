using Xunit;
using Yalu.Engine.Setoff;
using Yalu.Market.Setoff;

namespace Yalu.Engine.Tests.Setoff;

public sealed class SetoffSolverTests
{
    private static SetoffResult Solve(SetoffMethod method, params (int D, int C, long A)[] obligations) =>
        SetoffSolver.Solve(obligations.Select(o => new Obligation(o.D, o.C, o.A)).ToArray(), method);

    [Fact]
    public void A_three_cycle_clears_its_smallest_debt_on_every_leg()
    {
        var r = Solve(SetoffMethod.MinCostFlow, (0, 1, 50), (1, 2, 30), (2, 0, 40));
        Assert.Equal([30L, 30L, 30L], r.Setoffs);
        Assert.Equal(90, r.Cleared);
        Assert.Equal(120, r.TotalDebt);
        Assert.Equal(30, r.Remaining);
        Assert.Equal(20, r.NetInternalDebt); // 1 is owed 20 net; 0 and 2 owe 10 each
        Assert.Equal(20, r.Remainder(0));
        Assert.Equal(0, r.Remainder(1));
    }

    [Fact]
    public void A_chain_clears_nothing()
    {
        var r = Solve(SetoffMethod.MinCostFlow, (0, 1, 10), (1, 2, 10), (2, 3, 10));
        Assert.Equal(0, r.Cleared);
        Assert.Equal(30, r.Remaining);
        Assert.Equal(10, r.NetInternalDebt);
    }

    [Fact]
    public void Two_parties_owing_each_other_net_bilaterally()
    {
        var r = Solve(SetoffMethod.MinCostFlow, (0, 1, 70), (1, 0, 25));
        Assert.Equal([25L, 25L], r.Setoffs);
        Assert.Equal(45, r.Remaining);
    }

    [Fact]
    public void The_mtcs_micro_network_clears_three_hundred()
    {
        // informalsystems/mtcs data/micro.csv: 10→20 100, 20→30 100, 30→10 200, 40→30 100.
        var r = Solve(SetoffMethod.MinCostFlow, (0, 1, 100), (1, 2, 100), (2, 0, 200), (3, 2, 100));
        Assert.Equal([100L, 100L, 100L, 0L], r.Setoffs);
        Assert.Equal(200, r.Remaining);
    }

    [Fact]
    public void Min_cost_flow_clears_a_long_cycle_a_plain_max_flow_can_route_around()
    {
        // 0 owes 3 net 10, directly (0→3) or the long way (0→1→2→3); 3→0 closes both into cycles.
        // Leaving the 10 on 0→3 and setting off the 4-cycle 0→1→2→3→0 clears 40; leaving it on the
        // long way would clear only 20.
        var r = Solve(SetoffMethod.MinCostFlow, (0, 3, 10), (0, 1, 10), (1, 2, 10), (2, 3, 10), (3, 0, 10));
        // Positions: 0: -10, 3: +10. Best remainder: 10 on 0→3 alone; everything else (40) is set off.
        Assert.Equal(40, r.Cleared);
        Assert.Equal(0, r.Setoff(0));
    }

    [Fact]
    public void Plain_max_flow_keeps_positions_and_never_clears_more()
    {
        var obligations = new (int, int, long)[] { (0, 3, 10), (0, 1, 10), (1, 2, 10), (2, 3, 10), (3, 0, 10) };
        var best = Solve(SetoffMethod.MinCostFlow, obligations);
        var plain = Solve(SetoffMethod.PlainMaxFlow, obligations);
        Assert.Equal(SetoffMethod.PlainMaxFlow, plain.Method);
        Assert.True(plain.Cleared <= best.Cleared);
        Assert.Equal(best.NetInternalDebt, plain.NetInternalDebt);
    }

    [Fact]
    public void An_empty_network_clears_nothing()
    {
        var r = SetoffSolver.Solve(ObligationNetwork.From(3, []));
        Assert.Equal(0, r.Cleared);
        Assert.Empty(r.Setoffs);
    }

    [Theory]
    [InlineData(SetoffMethod.MinCostFlow)]
    [InlineData(SetoffMethod.PlainMaxFlow)]
    public void A_total_at_the_64_bit_limit_is_solved_exactly(SetoffMethod method)
    {
        long third = long.MaxValue / 3;
        Assert.Equal(3 * third, Solve(method, (0, 1, third), (1, 2, third), (2, 0, third)).Cleared);
        var r = Solve(method, (0, 1, long.MaxValue - 10), (1, 2, 5), (2, 0, 5));
        Assert.Equal(15, r.Cleared);
        Assert.Equal(long.MaxValue - 15, r.Remaining);
    }

    [Fact]
    public void Invalid_obligations_are_refused_with_the_index()
    {
        var self = ObligationNetwork.Create(2, [new(0, 1, 5), new(1, 1, 5)]);
        Assert.False(self.IsOk);
        Assert.Equal(ObligationNetwork.InvalidObligationCode, self.Error!.Code);
        Assert.Contains("obligation 1", self.Error.Message, StringComparison.Ordinal);
        Assert.False(ObligationNetwork.Create(2, [new(0, 1, 0)]).IsOk);
        Assert.False(ObligationNetwork.Create(2, [new(0, 1, -3)]).IsOk);
        Assert.False(ObligationNetwork.Create(2, [new(0, 2, 3)]).IsOk);
        var overflow = ObligationNetwork.Create(2, [new(0, 1, long.MaxValue), new(1, 0, 1)]);
        Assert.Equal(ObligationNetwork.OverflowCode, overflow.Error!.Code);
        Assert.Throws<ArgumentException>(() => SetoffSolver.Solve([new Obligation(0, 0, 1)]));
    }

    [Fact]
    public void A_result_that_changes_a_position_is_refused()
    {
        var network = ObligationNetwork.From(3, [new(0, 1, 5), new(1, 2, 5), new(2, 0, 5)]);
        Assert.Throws<ArgumentException>(() => new SetoffResult(network, SetoffMethod.MinCostFlow, [5, 5, 4]));
        Assert.Throws<ArgumentException>(() => new SetoffResult(network, SetoffMethod.MinCostFlow, [6, 6, 6]));
        Assert.Throws<ArgumentException>(() => new SetoffResult(network, SetoffMethod.MinCostFlow, [-1, -1, -1]));
        Assert.Equal(15, new SetoffResult(network, SetoffMethod.MinCostFlow, [5, 5, 5]).Cleared);
    }
}
