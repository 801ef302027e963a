namespace Yalu.Market.Graphs;

/// <summary>
/// Builds a <see cref="WantGraph"/>. Not thread-safe. Broken invariants (a want for an unknown
/// item, a want for the item itself, the same want twice, a negative cost) throw: readers are
/// expected to have reported such input as errors before it gets here.
/// </summary>
public sealed class WantGraphBuilder
{
    private readonly List<string> _itemNames = [];
    private readonly List<string> _itemLabels = [];
    private readonly List<int> _owners = [];
    private readonly List<bool> _dummy = [];
    private readonly List<bool> _donor = [];
    private readonly List<string> _userNames = [];
    private readonly Dictionary<string, int> _userIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _itemIndex;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _itemBySpan;
    private readonly List<(int From, int To, long Cost, double Weight)> _wants = [];

    /// <summary>Creates a builder; <paramref name="nonTradeCost"/> must be positive.</summary>
    public WantGraphBuilder(long nonTradeCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nonTradeCost);
        NonTradeCost = nonTradeCost;
        _itemIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _itemBySpan = _itemIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// A builder holding a copy of <paramref name="graph"/> (same items, users and wants, in the same
    /// order), to which more can be added: "what if this item also wanted that one".
    /// </summary>
    public static WantGraphBuilder From(WantGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var builder = new WantGraphBuilder(graph.NonTradeCost);
        for (int u = 0; u < graph.UserCount; u++) builder.User(graph.UserName(u));
        for (int i = 0; i < graph.ItemCount; i++)
            builder.AddItem(graph.ItemName(i), graph.ItemLabel(i), graph.Owner(i), graph.IsDummy(i), graph.IsDonor(i));
        for (int i = 0; i < graph.ItemCount; i++)
        {
            var wants = graph.WantsOf(i);
            var costs = graph.CostsOf(i);
            var weights = graph.WeightsOf(i);
            for (int k = 0; k < wants.Length; k++) builder.AddWant(i, wants[k], costs[k], weights[k]);
        }
        return builder;
    }

    /// <summary>See <see cref="WantGraph.NonTradeCost"/>.</summary>
    public long NonTradeCost { get; }

    /// <summary>Number of items added so far.</summary>
    public int ItemCount => _itemNames.Count;

    /// <summary>Returns the index of the named user, adding it when new.</summary>
    public int User(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_userIndex.TryGetValue(name, out int index))
        {
            index = _userNames.Count;
            _userNames.Add(name);
            _userIndex.Add(name, index);
        }
        return index;
    }

    /// <summary>Adds an item and returns its index. Names are unique; a donor item cannot be a dummy.</summary>
    public int AddItem(string name, string label, int owner, bool isDummy, bool isDonor = false)
    {
        if (isDummy && isDonor) throw new ArgumentException("a dummy item cannot be a donor item", nameof(isDonor));
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (owner < -1 || owner >= _userNames.Count)
            throw new ArgumentOutOfRangeException(nameof(owner), owner, "unknown user");
        int index = _itemNames.Count;
        if (!_itemIndex.TryAdd(name, index))
            throw new ArgumentException($"item '{name}' already exists", nameof(name));
        _itemNames.Add(name);
        _itemLabels.Add(string.IsNullOrEmpty(label) ? name : label);
        _owners.Add(owner);
        _dummy.Add(isDummy);
        _donor.Add(isDonor);
        return index;
    }

    /// <summary>The index of an item by its canonical name, or -1.</summary>
    public int Find(string name) => _itemIndex.TryGetValue(name, out int i) ? i : -1;

    /// <summary>The index of an item by its canonical name, or -1, without allocating.</summary>
    public int Find(ReadOnlySpan<char> name) => _itemBySpan.TryGetValue(name, out int i) ? i : -1;

    /// <summary>The canonical name of an item added earlier.</summary>
    public string ItemNameOf(int item) => _itemNames[item];

    /// <summary>The owner of an item added earlier, or -1.</summary>
    public int OwnerOf(int item) => _owners[item];

    /// <summary>Whether an item added earlier is a donor item.</summary>
    public bool IsDonorItem(int item) => _donor[item];

    /// <summary>Whether an item added earlier is a dummy.</summary>
    public bool IsDummyItem(int item) => _dummy[item];

    /// <summary>
    /// Adds the want <paramref name="from"/> → <paramref name="to"/> with its cost (lower is preferred)
    /// and its weight (what a weighted clearing maximises; finite and non-negative).
    /// </summary>
    public void AddWant(int from, int to, long cost, double weight = 1.0)
    {
        if (!double.IsFinite(weight) || weight < 0) throw new ArgumentOutOfRangeException(nameof(weight), weight, "weights are finite and non-negative");
        if ((uint)from >= (uint)_itemNames.Count) throw new ArgumentOutOfRangeException(nameof(from));
        if ((uint)to >= (uint)_itemNames.Count) throw new ArgumentOutOfRangeException(nameof(to));
        if (from == to) throw new ArgumentException("an item cannot want itself", nameof(to));
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        _wants.Add((from, to, cost, weight));
    }

    /// <summary>Freezes the graph. Wants keep the order they were added in, per item.</summary>
    public WantGraph Build()
    {
        int n = _itemNames.Count;
        var offsets = new int[n + 1];
        foreach (var (from, _, _, _) in _wants) offsets[from + 1]++;
        for (int i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        var targets = new int[_wants.Count];
        var costs = new long[_wants.Count];
        var weights = new double[_wants.Count];
        var next = offsets.AsSpan(0, n).ToArray();
        foreach (var (from, to, cost, weight) in _wants)
        {
            int at = next[from]++;
            targets[at] = to;
            costs[at] = cost;
            weights[at] = weight;
        }
        var stamp = new int[n];
        for (int i = 0; i < n; i++)
        {
            foreach (int t in targets.AsSpan(offsets[i], offsets[i + 1] - offsets[i]))
            {
                if (stamp[t] == i + 1)
                    throw new InvalidOperationException($"item '{_itemNames[i]}' wants '{_itemNames[t]}' twice");
                stamp[t] = i + 1;
            }
        }
        return new WantGraph(
            [.. _itemNames], [.. _itemLabels], [.. _owners], [.. _dummy], [.. _donor], [.. _userNames],
            offsets, targets, costs, weights, NonTradeCost);
    }
}
