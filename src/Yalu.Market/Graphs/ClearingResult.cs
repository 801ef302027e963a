namespace Yalu.Market.Graphs;

/// <summary>
/// The result of clearing a <see cref="WantGraph"/>: item-disjoint exchanges, and for every
/// trading item the cost of the want it was given (a want for a dummy counts at that want's cost).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ClearingResult
{
    private readonly int[] _receives;
    private readonly int[] _sendsTo;
    private readonly long[] _cost;

    /// <summary>
    /// Creates a result. Throws when an item appears twice, a dummy appears, or
    /// <paramref name="costs"/> does not give a cost for every item (indexed by item).
    /// </summary>
    public ClearingResult(
        WantGraph graph, ClearingStatus status, IReadOnlyList<Exchange> loops, IReadOnlyList<Exchange> chains,
        IReadOnlyList<long> costs)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(loops);
        ArgumentNullException.ThrowIfNull(chains);
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count != graph.ItemCount)
            throw new ArgumentException("one cost per item is required", nameof(costs));
        Graph = graph;
        Status = status;
        Loops = loops;
        Chains = chains;
        _receives = new int[graph.ItemCount];
        _sendsTo = new int[graph.ItemCount];
        _cost = new long[graph.ItemCount];
        Array.Fill(_receives, -1);
        Array.Fill(_sendsTo, -1);
        var seen = new bool[graph.ItemCount];
        long total = 0;
        foreach (var exchange in loops.Concat(chains))
        {
            var items = exchange.Items;
            if (items.Length < (exchange.IsLoop ? 2 : 1))
                throw new ArgumentException("a loop needs two items, a chain one", nameof(loops));
            for (int i = 0; i < items.Length; i++)
            {
                int item = items[i];
                if (graph.IsDummy(item)) throw new ArgumentException($"dummy item '{graph.ItemName(item)}' in a result");
                if (seen[item]) throw new ArgumentException($"item '{graph.ItemName(item)}' trades twice");
                seen[item] = true;
                bool last = i == items.Length - 1;
                if (!last || exchange.IsLoop)
                {
                    int next = items[last ? 0 : i + 1];
                    _receives[item] = next;
                    _sendsTo[next] = item;
                    _cost[item] = costs[item];
                    total = checked(total + costs[item]);
                }
            }
        }
        TotalCost = total;
    }

    /// <summary>The graph this result clears.</summary>
    public WantGraph Graph { get; }

    /// <summary>Whether the result is proven optimal.</summary>
    public ClearingStatus Status { get; }

    /// <summary>The loops, in a deterministic order.</summary>
    public IReadOnlyList<Exchange> Loops { get; }

    /// <summary>The chains started by donor items (empty for math trades).</summary>
    public IReadOnlyList<Exchange> Chains { get; }

    /// <summary>Sum of the costs of the wants given.</summary>
    public long TotalCost { get; }

    /// <summary>The item the owner of <paramref name="item"/> receives, or -1.</summary>
    public int Receives(int item) => _receives[item];

    /// <summary>The item whose owner receives <paramref name="item"/>, or -1.</summary>
    public int SendsTo(int item) => _sendsTo[item];

    /// <summary>Whether the item changes hands.</summary>
    public bool Trades(int item) => _receives[item] >= 0 || _sendsTo[item] >= 0;

    /// <summary>The cost of the want given to <paramref name="item"/> (0 when it receives nothing).</summary>
    public long CostFor(int item) => _cost[item];

    /// <summary>The summary figures of this result.</summary>
    public ClearingStats Stats() => ClearingStats.Of(this);
}
