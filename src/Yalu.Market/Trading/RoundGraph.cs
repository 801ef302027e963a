using System.Collections.Immutable;
using Yalu.Market.Catalog;
using Yalu.Market.Graphs;

namespace Yalu.Market.Trading;

/// <summary>
/// Turns a market into the engine's input and the engine's answer back into legs.
/// <see cref="Build"/> expands the want lists of the open lots (rules included) into a
/// <see cref="WantGraph"/> with costs (the rank) and weights (from the objective);
/// <see cref="ToLegs"/> maps the loops and chains of a <see cref="ClearingResult"/> to legs.
/// Pure: no clock is read except the one passed in for leg ids. Thread-safe (no state).
/// </summary>
/// <remarks>
/// <para>Items: one per open lot, ordered by lot id (creation time), named by the lot id, owned by
/// the trader's handle; donor lots are donor items and want nothing. Closed lots (matched, handed
/// over, withdrawn, expired) are not items, so they can never trade.</para>
/// <para>Wants: entry r of a want list (1-based) gives rank r to every open lot it names — an
/// explicit lot, every open lot of a good, or every open lot of a category worth at least P % of
/// mine (integer comparison, no rounding) — in lot-id order; a lot named twice keeps its best rank;
/// lots of the same trader are never wanted. Cost = rank. Weight of "A's owner receives B":
/// count → 1; value → B's value in CNY; preference → 1 + 1/rank; essentials → 1, or 2 when B's
/// category is essential (grain, fuel).</para>
/// <para>Groups (at most one of lots L1..Lk of a trader trades): see <see cref="GroupEncoding"/>.</para>
/// </remarks>
public static class RoundGraph
{
    /// <summary>The categories the essentials objective favours: grain and fuel.</summary>
    public static ImmutableHashSet<CategoryId> EssentialCategories { get; } = [CategoryId.Grain, CategoryId.Fuel];

    /// <summary>
    /// Builds the graph of a round. Throws <see cref="ArgumentException"/> on a broken invariant:
    /// an open lot whose owner is not among <paramref name="traders"/>, a want list whose owner does
    /// not own its lot, two want lists for one lot.
    /// </summary>
    public static MarketGraph Build(
        MarketCatalog catalog, IEnumerable<Trader> traders, IEnumerable<Lot> lots, IEnumerable<WantList> wantLists,
        RoundObjective objective, GroupEncoding encoding = GroupEncoding.SideConstraint)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(traders);
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(wantLists);
        if (!Enum.IsDefined(objective)) throw new ArgumentOutOfRangeException(nameof(objective));
        if (!Enum.IsDefined(encoding)) throw new ArgumentOutOfRangeException(nameof(encoding));

        // Data: open lots in a deterministic order, their owners, their want lists.
        var handles = traders.ToDictionary(t => t.Id, t => t.Handle.Value);
        var open = lots.Where(l => l.IsOpen).OrderBy(l => l.Id.Value).ToList();
        var lists = new Dictionary<LotId, WantList>();
        foreach (var list in wantLists)
            if (!lists.TryAdd(list.Lot, list)) throw new ArgumentException($"lot {list.Lot} has two want lists", nameof(wantLists));

        var builder = new WantGraphBuilder(1);
        var lotOfItem = new List<LotId?>();
        var item = new Dictionary<LotId, int>();
        foreach (var lot in open)
        {
            if (!handles.TryGetValue(lot.Owner, out var handle)) throw new ArgumentException($"lot {lot.Id} has an unknown owner", nameof(traders));
            int owner = builder.User(handle);
            item[lot.Id] = builder.AddItem(lot.Id.ToString(), $"{lot.Good} {lot.Quantity}", owner, isDummy: false, isDonor: lot.IsDonor);
            lotOfItem.Add(lot.Id);
        }

        // Expansion: per lot, target -> best rank, in entry order.
        var expanded = new Dictionary<LotId, List<(Lot Target, int Rank)>>();
        foreach (var mine in open)
        {
            if (mine.IsDonor || !lists.TryGetValue(mine.Id, out var list)) continue;
            if (list.Owner != mine.Owner) throw new ArgumentException($"the want list of lot {mine.Id} is not its owner's", nameof(wantLists));
            var wants = new List<(Lot, int)>();
            var seen = new HashSet<LotId>();
            for (int r = 0; r < list.Entries.Length; r++)
            {
                var entry = list.Entries[r];
                foreach (var candidate in open)
                {
                    if (candidate.Owner == mine.Owner || !entry.Matches(mine, candidate, catalog)) continue;
                    if (seen.Add(candidate.Id)) wants.Add((candidate, r + 1));
                }
            }
            expanded[mine.Id] = wants;
        }

        // Groups of two or more open lots of one owner.
        var groups = open.Where(l => l.Group is not null)
            .GroupBy(l => (l.Owner, Group: l.Group!.Value))
            .Where(g => g.Count() >= 2)
            .Select(g => g.ToList())
            .ToList();
        var grouped = groups.SelectMany(g => g).Select(l => l.Id).ToHashSet();

        // Wants: plain lots directly; grouped lots directly or through their group's dummy.
        var arcs = new List<(int From, int To, long Cost, double Weight)>();
        foreach (var mine in open)
        {
            if (!expanded.TryGetValue(mine.Id, out var wants)) continue;
            if (encoding == GroupEncoding.Dummy && grouped.Contains(mine.Id)) continue;
            foreach (var (target, rank) in wants) arcs.Add((item[mine.Id], item[target.Id], rank, Weight(objective, catalog, target, rank)));
        }
        var groupItems = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        foreach (var group in groups)
        {
            groupItems.Add([.. group.Select(l => item[l.Id])]);
            if (encoding != GroupEncoding.Dummy) continue;
            int dummy = builder.AddItem($"%group-{group[0].Group}", "", builder.User(handles[group[0].Owner]), isDummy: true);
            lotOfItem.Add(null);
            // The dummy wants what every lot of the group wants, at the worst rank any gives it.
            var common = group
                .Select(l => expanded.TryGetValue(l.Id, out var w) ? w : [])
                .Select(w => w.ToDictionary(p => p.Target.Id, p => p))
                .Aggregate((a, b) => a.Where(p => b.ContainsKey(p.Key))
                    .ToDictionary(p => p.Key, p => (p.Value.Target, Math.Max(p.Value.Rank, b[p.Key].Rank))));
            foreach (var lot in group) arcs.Add((item[lot.Id], dummy, 0, 0));
            foreach (var (target, rank) in common.Values.OrderBy(p => p.Rank).ThenBy(p => p.Target.Id.Value))
                arcs.Add((dummy, item[target.Id], rank, Weight(objective, catalog, target, rank)));
        }

        long total = 0;
        foreach (var arc in arcs) total = checked(total + arc.Cost);
        var final = new WantGraphBuilder(checked(total + 1));
        var copy = builder.Build();
        for (int u = 0; u < copy.UserCount; u++) final.User(copy.UserName(u));
        for (int i = 0; i < copy.ItemCount; i++)
            final.AddItem(copy.ItemName(i), copy.ItemLabel(i), copy.Owner(i), copy.IsDummy(i), copy.IsDonor(i));
        foreach (var (from, to, cost, weight) in arcs) final.AddWant(from, to, cost, weight);
        return new MarketGraph(final.Build(), [.. lotOfItem], groupItems.ToImmutable(), encoding);
    }

    /// <summary>
    /// The legs of a cleared round, loops first then chains, each exchange in receive order. In a
    /// loop, the lot of item k goes to the owner of item k−1 (the first lot to the owner of the last);
    /// in a chain, the first lot goes to the round's keeper (the pool) and the last, the donor's,
    /// goes to the owner of the item before it. Throws <see cref="ArgumentException"/> when the
    /// result trades two lots of a group (run <see cref="MarketGraph.EnforceGroups"/> first).
    /// </summary>
    public static ImmutableArray<Leg> ToLegs(MarketGraph market, ClearingResult result, Round round, IReadOnlyCollection<Lot> lots, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(clock);
        if (!ReferenceEquals(result.Graph, market.Graph)) throw new ArgumentException("the result clears another graph", nameof(result));
        if (market.Violates(result)) throw new ArgumentException("the result trades two lots of one group", nameof(result));
        var owners = lots.ToDictionary(l => l.Id, l => l.Owner);
        var legs = ImmutableArray.CreateBuilder<Leg>();
        int index = 0;
        foreach (var exchange in result.Loops.Concat(result.Chains))
        {
            var items = exchange.Items;
            for (int k = 0; k < items.Length; k++)
            {
                var lot = market.LotOf(items[k]) ?? throw new ArgumentException("a dummy item in a result", nameof(result));
                TraderId receiver;
                if (k > 0) receiver = owners[market.LotOf(items[k - 1])!.Value];
                else if (exchange.IsLoop) receiver = owners[market.LotOf(items[^1])!.Value];
                else receiver = round.Keeper;
                legs.Add(new Leg(LegId.New(clock), round.Id, index, k, owners[lot], lot, receiver, LegState.Pending));
            }
            index++;
        }
        return legs.ToImmutable();
    }

    private static double Weight(RoundObjective objective, MarketCatalog catalog, Lot received, int rank) => objective switch
    {
        RoundObjective.Count => 1,
        RoundObjective.Value => received.Value.Yuan,
        RoundObjective.Preference => 1 + (1.0 / rank),
        _ => catalog.Find(received.Good) is { } good && EssentialCategories.Contains(good.Category) ? 2 : 1,
    };
}
