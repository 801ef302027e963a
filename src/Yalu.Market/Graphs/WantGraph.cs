namespace Yalu.Market.Graphs;

/// <summary>
/// The input of a clearing: items, each with at most one owner, and directed wants
/// "the owner of item <c>from</c> would accept item <c>to</c>" with a non-negative cost
/// (lower is preferred). Dummy items are placeholders private to one owner (TradeMaximizer's
/// <c>%name</c> items): they route a want through a group of alternatives and never appear
/// in a result. Items and users are dense indices (0..n-1) in the order they were added.
/// </summary>
/// <remarks>
/// Immutable once built (see <see cref="WantGraphBuilder"/>) and safe to share between threads.
/// Wants are stored in compressed sparse rows: the wants of item <c>i</c> are
/// <c>Targets[Offsets[i]..Offsets[i+1]]</c>, in the order they were added.
/// </remarks>
public sealed class WantGraph
{
    private readonly string[] _itemNames;
    private readonly string[] _itemLabels;
    private readonly int[] _owners;
    private readonly bool[] _dummy;
    private readonly string[] _userNames;
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly long[] _costs;
    private readonly double[] _weights;
    private readonly bool[] _donor;

    internal WantGraph(
        string[] itemNames, string[] itemLabels, int[] owners, bool[] dummy, bool[] donor, string[] userNames,
        int[] offsets, int[] targets, long[] costs, double[] weights, long nonTradeCost)
    {
        _weights = weights;
        _donor = donor;
        DonorCount = donor.Count(d => d);
        _itemNames = itemNames;
        _itemLabels = itemLabels;
        _owners = owners;
        _dummy = dummy;
        _userNames = userNames;
        _offsets = offsets;
        _targets = targets;
        _costs = costs;
        NonTradeCost = nonTradeCost;
        RealItemCount = dummy.Count(d => !d);
    }

    /// <summary>Number of items, dummies included.</summary>
    public int ItemCount => _itemNames.Length;

    /// <summary>Number of items that are not dummies.</summary>
    public int RealItemCount { get; }

    /// <summary>Number of distinct owners.</summary>
    public int UserCount => _userNames.Length;

    /// <summary>Total number of wants.</summary>
    public int WantCount => _targets.Length;

    /// <summary>
    /// Cost of an item not trading. A solver minimises the sum over all items of the cost of the
    /// want it is given, or this cost when it keeps its own item; so when it exceeds the sum of all
    /// want costs, the most items trade first and the cost only breaks ties.
    /// </summary>
    public long NonTradeCost { get; }

    /// <summary>The item's canonical name (the key wants refer to it by).</summary>
    public string ItemName(int item) => _itemNames[item];

    /// <summary>The item's name as its owner wrote it, for output.</summary>
    public string ItemLabel(int item) => _itemLabels[item];

    /// <summary>The owner's index, or -1 when the item has no named owner.</summary>
    public int Owner(int item) => _owners[item];

    /// <summary>Whether the item is a dummy (never traded itself, never reported).</summary>
    public bool IsDummy(int item) => _dummy[item];

    /// <summary>
    /// Whether the item is a donor item: given without anything asked back (relief stock, a keeper's
    /// purchase, a non-directed donor). It can start a chain; its owner receives nothing.
    /// </summary>
    public bool IsDonor(int item) => _donor[item];

    /// <summary>Number of donor items.</summary>
    public int DonorCount { get; }

    /// <summary>The owner's name.</summary>
    public string UserName(int user) => _userNames[user];

    /// <summary>The items that the owner of <paramref name="item"/> would accept for it, in order added.</summary>
    public ReadOnlySpan<int> WantsOf(int item) => _targets.AsSpan(_offsets[item], _offsets[item + 1] - _offsets[item]);

    /// <summary>The costs of <see cref="WantsOf"/>, index for index.</summary>
    public ReadOnlySpan<long> CostsOf(int item) => _costs.AsSpan(_offsets[item], _offsets[item + 1] - _offsets[item]);

    /// <summary>
    /// The weights of <see cref="WantsOf"/>, index for index: what a weighted clearing maximises
    /// (1 unless the input gives weights, as kidney-exchange instances do).
    /// </summary>
    public ReadOnlySpan<double> WeightsOf(int item) => _weights.AsSpan(_offsets[item], _offsets[item + 1] - _offsets[item]);

    /// <summary>The cost of the want <paramref name="from"/> → <paramref name="to"/>, or null when there is none.</summary>
    public long? CostOf(int from, int to)
    {
        var wants = WantsOf(from);
        int i = wants.IndexOf(to);
        return i < 0 ? null : CostsOf(from)[i];
    }

    /// <summary>Every item with its owner and wants, one per line ("(USER) ITEM: WANT=cost …"), for diagnostics.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < ItemCount; i++)
        {
            if (Owner(i) >= 0) text.Append('(').Append(UserName(Owner(i))).Append(") ");
            text.Append(ItemName(i)).Append(':');
            var wants = WantsOf(i);
            var costs = CostsOf(i);
            for (int k = 0; k < wants.Length; k++) text.Append(' ').Append(ItemName(wants[k])).Append('=').Append(costs[k]);
            text.Append('\n');
        }
        return text.ToString();
    }
}
