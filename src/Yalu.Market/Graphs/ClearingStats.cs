namespace Yalu.Market.Graphs;

/// <summary>
/// The figures a math-trade report ends with. <see cref="Users"/> and <see cref="UsersTrading"/>
/// are null when the items have no named owners.
/// </summary>
/// <param name="Items">Items that are not dummies.</param>
/// <param name="Trading">Items that change hands.</param>
/// <param name="Users">Distinct owners of non-dummy items.</param>
/// <param name="UsersTrading">Distinct owners with at least one item changing hands.</param>
/// <param name="TotalCost">Sum of the costs of the wants given.</param>
/// <param name="SumSquares">Sum over exchanges of the square of their size.</param>
/// <param name="GroupSizes">Exchange sizes, largest first.</param>
public sealed record ClearingStats(
    int Items, int Trading, int? Users, int? UsersTrading, long TotalCost, long SumSquares, IReadOnlyList<int> GroupSizes)
{
    /// <summary>Computes the figures of a result.</summary>
    public static ClearingStats Of(ClearingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var graph = result.Graph;
        var users = new HashSet<int>();
        var usersTrading = new HashSet<int>();
        int trading = 0;
        for (int i = 0; i < graph.ItemCount; i++)
        {
            if (graph.IsDummy(i)) continue;
            int owner = graph.Owner(i);
            if (owner >= 0) users.Add(owner);
            if (result.Trades(i))
            {
                trading++;
                if (owner >= 0) usersTrading.Add(owner);
            }
        }
        var sizes = result.Loops.Concat(result.Chains).Select(e => e.Size).OrderDescending().ToArray();
        long sumSquares = sizes.Sum(s => checked((long)s * s));
        bool named = users.Count > 0;
        return new ClearingStats(
            graph.RealItemCount, trading, named ? users.Count : null, named ? usersTrading.Count : null,
            result.TotalCost, sumSquares, sizes);
    }
}
