using System.Runtime.CompilerServices;
using Google.OrTools.Graph;
using Yalu.Market.Setoff;

namespace Yalu.Engine.Setoff;

/// <summary>
/// Multilateral set-off of an obligation network: cancels debt around cycles so that every party's
/// net position stays the same, clearing as much as possible.
/// </summary>
/// <remarks>
/// <para>Formulation (multilateral trade-credit set-off, MTCS, as Fleischman, Dini et al. describe it in
/// "Liquidity-saving through obligation-clearing and mutual credit", 2020, and as Informal Systems'
/// mtcs crate implements it): the debt left after a set-off is a flow <c>f</c> on the obligations,
/// 0 ≤ f ≤ amount, in which every party sends out net exactly what it owes net (supply = −net
/// position). The least such flow (unit cost on every obligation) leaves the least debt, so
/// cleared = total debt − min flow, the most any set-off can clear. Equivalently the set-off
/// c = amount − f is a circulation with 0 ≤ c ≤ amount of greatest total, which is what is solved:
/// OR-Tools' <see cref="MinCostFlow"/> (Goldberg's cost-scaling push-relabel) with cost −1 on every
/// obligation and no supplies, over the obligations that lie inside a strongly connected component
/// of the debt graph (a circulation is zero on every other one).</para>
/// <para><see cref="SetoffMethod.PlainMaxFlow"/> instead takes whatever flow OR-Tools' <see cref="MaxFlow"/>
/// (push-relabel) finds from a super source feeding every net debtor its net debt to a super sink
/// draining every net creditor, through the obligations (arcs in the order given, then the source
/// and sink arcs by party), as the remaining debt: it keeps every position but ignores the flow's
/// size, so it usually clears less.</para>
/// <para>All arithmetic is in 64-bit integers; the network guarantees the total debt fits, so no flow,
/// supply or sum can overflow. The result is checked (every set-off within its amount, every net
/// position unchanged) before it is returned. Deterministic: the same network gives the same
/// set-offs. Thread-safe: no shared state.</para>
/// </remarks>
public static class SetoffSolver
{
    /// <summary>
    /// Sets off <paramref name="network"/> by <paramref name="method"/> (exact by default). Throws
    /// <see cref="InvalidOperationException"/> if OR-Tools refuses the problem (it checks its own
    /// arithmetic range: costs times parties and flows must fit in 64 bits).
    /// </summary>
    public static SetoffResult Solve(ObligationNetwork network, SetoffMethod method = SetoffMethod.MinCostFlow)
    {
        ArgumentNullException.ThrowIfNull(network);
        long[] setoffs = method switch
        {
            SetoffMethod.MinCostFlow => SolveMinCostFlow(network),
            SetoffMethod.PlainMaxFlow => SolvePlainMaxFlow(network),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown set-off method"),
        };
        return new SetoffResult(network, method, setoffs);
    }

    /// <summary>
    /// Sets off the obligations between parties 0..max index named; throws <see cref="ArgumentException"/>
    /// when an obligation is invalid (see <see cref="ObligationNetwork.Create(int, IEnumerable{Obligation})"/>).
    /// </summary>
    public static SetoffResult Solve(IReadOnlyList<Obligation> obligations, SetoffMethod method = SetoffMethod.MinCostFlow)
    {
        var network = ObligationNetwork.Create(obligations);
        if (!network.IsOk) throw new ArgumentException($"{network.Error.Code}: {network.Error.Message}", nameof(obligations));
        return Solve(network.Value, method);
    }

    /// <summary>
    /// Loads OR-Tools' native library and its flow wrappers now, so that the first <see cref="Solve(ObligationNetwork, SetoffMethod)"/>
    /// does not pay for it (about 50 ms). A command line calls this on another thread while it reads
    /// the input. Safe to call any number of times, from any thread.
    /// </summary>
    public static void Warm()
    {
        using var flow = new MinCostFlow();
        flow.AddArcWithCapacityAndUnitCost(0, 1, 1, -1);
        flow.AddArcWithCapacityAndUnitCost(1, 0, 1, -1);
        _ = flow.Solve();
        using var maxFlow = new MaxFlow();
        maxFlow.AddArcWithCapacity(0, 1, 1);
        _ = maxFlow.Solve(0, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per solve: no time to tier up
    private static long[] SolveMinCostFlow(ObligationNetwork network)
    {
        var setoffs = new long[network.Count];
        if (network.Count == 0) return setoffs;
        // Only obligations inside a strongly connected component can be set off; the model holds
        // just those, between the parties of such components renumbered densely.
        int[] component = DebtCycles.Components(network, out _);
        var node = new int[network.PartyCount];
        Array.Fill(node, -1);
        var arcs = new List<int>();
        int nodes = 0;
        for (int i = 0; i < network.Count; i++)
        {
            var o = network[i];
            if (component[o.Debtor] != component[o.Creditor]) continue;
            arcs.Add(i);
            if (node[o.Debtor] < 0) node[o.Debtor] = nodes++;
            if (node[o.Creditor] < 0) node[o.Creditor] = nodes++;
        }
        if (arcs.Count == 0) return setoffs;

        // The set-off c = amount − f is a circulation, 0 ≤ c ≤ amount; minimising the remaining flow f
        // (unit cost, supplies −net position) is maximising c: cost −1 per unit set off, every supply
        // zero. OR-Tools then has no supplies to route before it starts, which makes it faster.
        using var flow = new MinCostFlow(nodes, arcs.Count);
        foreach (int i in arcs)
        {
            var o = network[i];
            flow.AddArcWithCapacityAndUnitCost(node[o.Debtor], node[o.Creditor], o.Amount, -1);
        }
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException($"OR-Tools MinCostFlow returned {status} for a network of {network.Count} obligations");
        for (int a = 0; a < arcs.Count; a++) setoffs[arcs[a]] = flow.Flow(a);
        return setoffs;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[] SolvePlainMaxFlow(ObligationNetwork network)
    {
        var setoffs = new long[network.Count];
        if (network.Count == 0) return setoffs;
        int source = network.PartyCount;
        int sink = network.PartyCount + 1;
        using var flow = new MaxFlow();
        for (int i = 0; i < network.Count; i++)
        {
            var o = network[i];
            flow.AddArcWithCapacity(o.Debtor, o.Creditor, o.Amount);
        }
        for (int p = 0; p < network.PartyCount; p++)
        {
            long position = network.NetPosition(p);
            if (position < 0) flow.AddArcWithCapacity(source, p, -position);
            else if (position > 0) flow.AddArcWithCapacity(p, sink, position);
        }
        var status = flow.Solve(source, sink);
        if (status != MaxFlow.Status.OPTIMAL)
            throw new InvalidOperationException($"OR-Tools MaxFlow returned {status} for a network of {network.Count} obligations");
        if (flow.OptimalFlow() != network.NetInternalDebt)
            throw new InvalidOperationException($"OR-Tools MaxFlow moved {flow.OptimalFlow()}, not the net internal debt {network.NetInternalDebt}");
        for (int i = 0; i < setoffs.Length; i++) setoffs[i] = network[i].Amount - flow.Flow(i);
        return setoffs;
    }
}
