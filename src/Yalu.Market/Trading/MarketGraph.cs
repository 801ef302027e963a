using System.Collections.Immutable;
using Yalu.Market.Graphs;

namespace Yalu.Market.Trading;

/// <summary>
/// The <see cref="WantGraph"/> of a round together with what the graph cannot say itself: which
/// lot each item is, and the groups of items of which at most one may trade. Built by
/// <see cref="RoundGraph.Build"/>. Immutable and thread-safe.
/// </summary>
public sealed class MarketGraph
{
    private readonly ImmutableArray<LotId?> _lotOfItem;
    private readonly ImmutableDictionary<LotId, int> _itemOfLot;
    private readonly int[] _groupOfItem;

    internal MarketGraph(WantGraph graph, ImmutableArray<LotId?> lotOfItem, ImmutableArray<ImmutableArray<int>> groups, GroupEncoding encoding)
    {
        Graph = graph;
        _lotOfItem = lotOfItem;
        _itemOfLot = lotOfItem.Select((lot, item) => (lot, item)).Where(p => p.lot is not null)
            .ToImmutableDictionary(p => p.lot!.Value, p => p.item);
        Groups = groups;
        Encoding = encoding;
        _groupOfItem = new int[graph.ItemCount];
        Array.Fill(_groupOfItem, -1);
        for (int g = 0; g < groups.Length; g++)
            foreach (int item in groups[g]) _groupOfItem[item] = g;
    }

    /// <summary>The graph: one item per open lot (named by its lot id, owned by its trader's handle), donor lots as donor items, and with <see cref="GroupEncoding.Dummy"/> one dummy per group.</summary>
    public WantGraph Graph { get; }

    /// <summary>
    /// Groups of two or more items of which at most one may trade. With
    /// <see cref="GroupEncoding.SideConstraint"/> a solver must impose it (or the result goes
    /// through <see cref="EnforceGroups"/>); with <see cref="GroupEncoding.Dummy"/> the graph already does.
    /// </summary>
    public ImmutableArray<ImmutableArray<int>> Groups { get; }

    /// <summary>How groups are expressed.</summary>
    public GroupEncoding Encoding { get; }

    /// <summary>The lot of an item, or null for a dummy.</summary>
    public LotId? LotOf(int item) => _lotOfItem[item];

    /// <summary>The item of a lot, or -1 when the lot is not in the graph (not open).</summary>
    public int ItemOf(LotId lot) => _itemOfLot.GetValueOrDefault(lot, -1);

    /// <summary>The group index of an item, or -1.</summary>
    public int GroupOf(int item) => _groupOfItem[item];

    /// <summary>Whether <paramref name="result"/> trades two items of one group.</summary>
    public bool Violates(ClearingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var used = new HashSet<int>();
        foreach (var exchange in result.Loops.Concat(result.Chains))
            foreach (int item in exchange.Items)
                if (_groupOfItem[item] >= 0 && !used.Add(_groupOfItem[item])) return true;
        return false;
    }

    /// <summary>
    /// A result that honours the groups: exchanges are kept in order (loops, then chains) unless one
    /// would trade a second lot of a group, in which case the whole exchange is dropped and its lots
    /// stay open. Returns <paramref name="result"/> itself when it already honours them; otherwise
    /// a <see cref="ClearingStatus.Feasible"/> result (not proven optimal any more).
    /// </summary>
    public ClearingResult EnforceGroups(ClearingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!ReferenceEquals(result.Graph, Graph)) throw new ArgumentException("the result clears another graph", nameof(result));
        if (!Violates(result)) return result;
        var used = new HashSet<int>();
        var loops = Keep(result.Loops, used);
        var chains = Keep(result.Chains, used);
        var costs = new long[Graph.ItemCount];
        foreach (var exchange in loops.Concat(chains))
            foreach (int item in exchange.Items) costs[item] = result.CostFor(item);
        return new ClearingResult(Graph, ClearingStatus.Feasible, loops, chains, costs);
    }

    private List<Exchange> Keep(IReadOnlyList<Exchange> exchanges, HashSet<int> used)
    {
        var kept = new List<Exchange>();
        foreach (var exchange in exchanges)
        {
            var groups = exchange.Items.Select(i => _groupOfItem[i]).Where(g => g >= 0).ToList();
            if (groups.Count != groups.Distinct().Count() || groups.Any(used.Contains)) continue;
            used.UnionWith(groups);
            kept.Add(exchange);
        }
        return kept;
    }
}
