using CsCheck;
using Google.OrTools.Sat;
using Xunit;
using Yalu.Engine.Setoff;
using Yalu.Market.Setoff;

namespace Yalu.Engine.Tests.Setoff;

/// <summary>
/// Random obligation networks against an independent optimum: the least remaining debt as an integer
/// program solved by CP-SAT (not a flow code, and exact in integers).
/// </summary>
public sealed class SetoffSolverProperties
{
    /// <summary>Up to 7 parties, up to 16 obligations (parallel and opposite debts included), small or huge amounts.</summary>
    private static readonly Gen<ObligationNetwork> Networks =
        Gen.Int[2, 7].SelectMany(parties =>
            Gen.Select(Gen.Int[0, parties - 1], Gen.Int[1, parties - 1], Gen.Frequency((4, Gen.Long[1, 60]), (1, Gen.Long[1, 1_000_000_000_000L])))
                .Select(t => new Obligation(t.Item1, (t.Item1 + t.Item2) % parties, t.Item3))
                .Array[0, 16]
                .Select(obligations => ObligationNetwork.From(parties, obligations)));

    /// <summary>
    /// min Σ f subject to 0 ≤ f ≤ amount and, for every party, Σ f out − Σ f in = what it owes net:
    /// the integer program solved by CP-SAT (exact integer arithmetic; a floating-point LP loses the
    /// small debts beside a 10^11 one).
    /// </summary>
    private static long LeastRemainingDebt(ObligationNetwork network)
    {
        var model = new CpModel();
        var f = network.Obligations.Select((o, i) => model.NewIntVar(0, o.Amount, $"f{i}")).ToArray();
        for (int p = 0; p < network.PartyCount; p++)
        {
            var terms = new List<LinearExpr>();
            for (int i = 0; i < network.Count; i++)
            {
                if (network[i].Debtor == p) terms.Add(f[i]);
                if (network[i].Creditor == p) terms.Add(-1 * f[i]);
            }
            model.Add(LinearExpr.Sum(terms) == -network.NetPosition(p));
        }
        model.Minimize(LinearExpr.Sum(f));
        var solver = new CpSolver { StringParameters = "max_time_in_seconds:10 num_workers:1" };
        Assert.Equal(CpSolverStatus.Optimal, solver.Solve(model));
        return (long)solver.ObjectiveValue;
    }

    /// <summary>Net positions recomputed from the remainders, independently of <see cref="SetoffResult"/>'s own check.</summary>
    private static void AssertPositionsKept(SetoffResult result)
    {
        var network = result.Network;
        var after = new long[network.PartyCount];
        for (int i = 0; i < network.Count; i++)
        {
            long setoff = result.Setoffs[i];
            Assert.InRange(setoff, 0, network[i].Amount);
            after[network[i].Debtor] -= network[i].Amount - setoff;
            after[network[i].Creditor] += network[i].Amount - setoff;
        }
        Assert.Equal(network.NetPositions, after);
        Assert.Equal(result.Setoffs.Sum(), result.Cleared);
        Assert.Equal(network.TotalDebt - result.Cleared, result.Remaining);
        Assert.True(result.Remaining >= network.NetInternalDebt);
    }

    [Fact]
    public void Cleared_is_total_debt_minus_the_least_remaining_debt_and_positions_are_kept()
    {
        Networks.Sample(network =>
        {
            var result = SetoffSolver.Solve(network);
            AssertPositionsKept(result);
            Assert.Equal(network.TotalDebt - LeastRemainingDebt(network), result.Cleared);
        }, iter: 400);
    }

    [Fact]
    public void Plain_max_flow_keeps_positions_and_never_clears_more_than_the_exact_method()
    {
        Networks.Sample(network =>
        {
            var plain = SetoffSolver.Solve(network, SetoffMethod.PlainMaxFlow);
            AssertPositionsKept(plain);
            Assert.True(plain.Cleared <= SetoffSolver.Solve(network).Cleared);
        }, iter: 400);
    }

    [Fact]
    public void Only_debts_on_a_cycle_are_set_off()
    {
        // A debt whose creditor cannot reach its debtor through other debts lies on no cycle.
        Networks.Sample(network =>
        {
            var result = SetoffSolver.Solve(network);
            for (int i = 0; i < network.Count; i++)
            {
                if (!Reaches(network, network[i].Creditor, network[i].Debtor)) Assert.Equal(0, result.Setoffs[i]);
            }
        }, iter: 200);
    }

    private static bool Reaches(ObligationNetwork network, int from, int to)
    {
        var seen = new bool[network.PartyCount];
        var queue = new Queue<int>([from]);
        seen[from] = true;
        while (queue.TryDequeue(out int p))
        {
            if (p == to) return true;
            foreach (var o in network.Obligations.Where(o => o.Debtor == p && !seen[o.Creditor]))
            {
                seen[o.Creditor] = true;
                queue.Enqueue(o.Creditor);
            }
        }
        return false;
    }
}
