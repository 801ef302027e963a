using Google.OrTools.Graph;

namespace Yalu.Engine.Capped;

/// <summary>
/// An upper bound that ignores the caps: the best clearing with loops and chains of any length is a
/// minimum-cost perfect assignment of receivers to givers, where every item may keep its own, a
/// pair receives an arc's weight, and a donor's receiving side may take the item of any pair a
/// chain can reach (that pair's item goes to the pool, ending the chain). Solved exactly by
/// OR-Tools' <see cref="LinearSumAssignment"/> in well under a second on 1,024-pair pools; on the
/// PrefLib kidney instances it equals the capped optimum more often than not.
/// </summary>
/// <remarks>
/// Dual potentials come from shortest paths in the residual graph of the optimal assignment (it has
/// no negative cycle, so the Bellman–Ford queue algorithm settles): with them every arc has a
/// non-negative reduced cost, and a capped clearing worth the bound uses only arcs of zero reduced
/// cost, receives at every pair whose keeping its own item has a positive reduced cost, and so on
/// (complementary slackness).
/// </remarks>
internal sealed class AssignmentBound
{
    private AssignmentBound(long bound, long[] receiver, long[] giver, int[] giverOf)
    {
        Bound = bound;
        Receiver = receiver;
        Giver = giver;
        GiverOf = giverOf;
    }

    /// <summary>The bound (scaled weights), or <see cref="long.MaxValue"/> when the costs are too large for it.</summary>
    public long Bound { get; }

    /// <summary>Potential of each vertex's receiving side (shortest distance in the residual graph).</summary>
    public long[] Receiver { get; }

    /// <summary>Potential of each vertex's giving side.</summary>
    public long[] Giver { get; }

    /// <summary>The giver each vertex's receiving side is matched to in the optimal assignment (itself when it keeps its item).</summary>
    public int[] GiverOf { get; }

    /// <summary>
    /// The reduced cost (≥ 0) of the gift arc u → v of weight w: zero for every arc a clearing worth
    /// the bound may use.
    /// </summary>
    public long ArcSlack(int u, int v, long weight) => -weight + Receiver[v] - Giver[u];

    /// <summary>The reduced cost (≥ 0) of a chain from donor d ending at v (v's item going to the pool in d's place).</summary>
    public long PoolSlack(int d, int v) => Receiver[d] - Giver[v];

    /// <summary>The reduced cost (≥ 0) of v keeping its own item: positive means v receives in every clearing worth the bound.</summary>
    public long KeepSlack(int v) => Receiver[v] - Giver[v];

    public static AssignmentBound Compute(GiftGraph g, int[] chainDist, int maxChain, bool withPotentials)
    {
        int n = g.VertexCount;
        var left = new List<int>();
        var right = new List<int>();
        var cost = new List<long>();
        void Arc(int receiver, int giver, long c)
        {
            left.Add(receiver);
            right.Add(giver);
            cost.Add(c);
        }
        for (int v = 0; v < n; v++) Arc(v, v, 0);
        for (int u = 0; u < n; u++)
        {
            if (g.IsDonor[u] && maxChain < 1) continue;
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++) Arc(g.OutTo[e], u, -g.OutWeight[e]);
        }
        if (maxChain >= 1)
        {
            for (int d = 0; d < n; d++)
            {
                if (!g.IsDonor[d]) continue;
                for (int v = 0; v < n; v++)
                {
                    if (!g.IsDonor[v] && chainDist[v] <= maxChain) Arc(d, v, 0);
                }
            }
        }
        using var assignment = new LinearSumAssignment();
        for (int i = 0; i < left.Count; i++) assignment.AddArcWithCost(left[i], right[i], cost[i]);
        var status = assignment.Solve();
        if (status != LinearSumAssignment.Status.OPTIMAL) return new AssignmentBound(long.MaxValue, [], [], []);
        var giverOf = new int[n];
        for (int x = 0; x < n; x++) giverOf[x] = assignment.RightMate(x);
        long bound = -assignment.OptimalCost();
        if (!withPotentials) return new AssignmentBound(bound, [], [], giverOf);

        // Residual graph on 2n nodes (receivers 0..n-1, givers n..2n-1): an unmatched arc runs receiver → giver
        // at its cost, a matched one giver → receiver at minus its cost. Distances from all givers at once.
        int nodes = 2 * n;
        var head = new int[nodes + 1];
        for (int i = 0; i < left.Count; i++)
        {
            bool matched = giverOf[left[i]] == right[i];
            head[(matched ? n + right[i] : left[i]) + 1]++;
        }
        for (int i = 0; i < nodes; i++) head[i + 1] += head[i];
        var to = new int[left.Count];
        var length = new long[left.Count];
        var fill = head.AsSpan(0, nodes).ToArray();
        for (int i = 0; i < left.Count; i++)
        {
            bool matched = giverOf[left[i]] == right[i];
            int from = matched ? n + right[i] : left[i];
            int at = fill[from]++;
            to[at] = matched ? left[i] : n + right[i];
            length[at] = matched ? -cost[i] : cost[i];
        }
        var dist = new long[nodes];
        var queued = new bool[nodes];
        var queue = new Queue<int>(nodes);
        for (int y = 0; y < n; y++)
        {
            queue.Enqueue(n + y);
            queued[n + y] = true;
        }
        for (int x = 0; x < n; x++) dist[x] = long.MaxValue / 4;
        while (queue.Count > 0)
        {
            int x = queue.Dequeue();
            queued[x] = false;
            for (int i = head[x]; i < head[x + 1]; i++)
            {
                long d = dist[x] + length[i];
                int y = to[i];
                if (d >= dist[y]) continue;
                dist[y] = d;
                if (!queued[y])
                {
                    queued[y] = true;
                    queue.Enqueue(y);
                }
            }
        }
        return new AssignmentBound(bound, dist[..n], dist[n..], giverOf);
    }
}
