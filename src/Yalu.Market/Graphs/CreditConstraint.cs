using System.Collections.Immutable;

namespace Yalu.Market.Graphs;

/// <summary>
/// A side constraint on a capped clearing: every item has a value (in fen) and every user a floor,
/// the least net change in value the clearing may bring them (zero or negative). When the owner of
/// item v receives item u, they give v and get u, a change of value(v) − value(u); over all their
/// items in the clearing the sum must be at least their floor. A user's floor is
/// min(0, −(credit limit + balance)): nobody is pushed below minus their limit, and someone already
/// below it may only trade in ways that do not take them further down. Not trading at all always
/// meets every floor. Immutable and thread-safe.
/// </summary>
public sealed class CreditConstraint
{
    /// <summary>Creates the constraint; throws <see cref="ArgumentException"/> on a negative value or a positive floor.</summary>
    /// <param name="itemValues">The value of each item of the graph, in fen (not negative).</param>
    /// <param name="userFloors">The floor of each user of the graph, in fen (not positive).</param>
    /// <param name="groups">Groups of items of which at most one may trade (a trader's "only one of these"), imposed in the same model; none by default.</param>
    public CreditConstraint(ImmutableArray<long> itemValues, ImmutableArray<long> userFloors, ImmutableArray<ImmutableArray<int>> groups = default)
    {
        Groups = groups.IsDefault ? [] : groups;
        if (itemValues.IsDefault || userFloors.IsDefault) throw new ArgumentException("values and floors are required");
        if (itemValues.Any(v => v < 0)) throw new ArgumentException("an item's value is not negative", nameof(itemValues));
        if (userFloors.Any(f => f > 0)) throw new ArgumentException("a floor is zero or negative", nameof(userFloors));
        ItemValues = itemValues;
        UserFloors = userFloors;
    }

    /// <summary>Each item's value in fen.</summary>
    public ImmutableArray<long> ItemValues { get; }

    /// <summary>Groups of items of which at most one may trade.</summary>
    public ImmutableArray<ImmutableArray<int>> Groups { get; }

    /// <summary>Each user's floor in fen.</summary>
    public ImmutableArray<long> UserFloors { get; }

    /// <summary>Throws <see cref="ArgumentException"/> unless the constraint has one value per item and one floor per user of <paramref name="graph"/>.</summary>
    public void CheckFits(WantGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (ItemValues.Length != graph.ItemCount) throw new ArgumentException($"{ItemValues.Length} values for {graph.ItemCount} items");
        if (UserFloors.Length != graph.UserCount) throw new ArgumentException($"{UserFloors.Length} floors for {graph.UserCount} users");
        if (Groups.Any(g => g.Any(i => i < 0 || i >= graph.ItemCount))) throw new ArgumentException("a group names an item the graph does not have");
    }

    /// <summary>
    /// The net change in value a clearing brings each user (receive order: in a loop the owner of
    /// item k receives item k + 1, the last the first; in a chain the last item is the donor's and
    /// its owner gets nothing, and the owner of the first gives it to the pool).
    /// </summary>
    public long[] NetChanges(ClearingResult clearing)
    {
        ArgumentNullException.ThrowIfNull(clearing);
        var graph = clearing.Graph;
        CheckFits(graph);
        var net = new long[graph.UserCount];
        foreach (var exchange in clearing.Loops.Concat(clearing.Chains))
        {
            var items = exchange.Items;
            int receivers = exchange.IsLoop ? items.Length : items.Length - 1;
            for (int i = 0; i < receivers; i++)
            {
                int mine = items[i], received = items[(i + 1) % items.Length];
                int owner = graph.Owner(mine);
                net[owner] = checked(net[owner] + ItemValues[mine] - ItemValues[received]);
            }
        }
        return net;
    }

    /// <summary>Whether every user's net change is at least their floor.</summary>
    public bool IsMetBy(ClearingResult clearing)
    {
        var net = NetChanges(clearing);
        for (int u = 0; u < net.Length; u++)
            if (net[u] < UserFloors[u]) return false;
        return true;
    }
}
