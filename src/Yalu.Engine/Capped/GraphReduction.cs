namespace Yalu.Engine.Capped;

/// <summary>
/// Reductions before a capped solve: an arc that lies on no loop of at most k items and on no chain
/// of at most L legs can never be used, so it is removed; what remains is split into weakly
/// connected parts, which are solved independently (their optima add up).
/// </summary>
internal static class GraphReduction
{
    /// <summary>
    /// For every vertex, the fewest legs of a chain that reaches it (0 for a donor), or
    /// <see cref="int.MaxValue"/> when no chain of at most <paramref name="maxChain"/> legs does.
    /// </summary>
    public static int[] ChainDistances(GiftGraph g, int maxChain)
    {
        int n = g.VertexCount;
        var dist = new int[n];
        Array.Fill(dist, int.MaxValue);
        if (maxChain < 1) return dist;
        var queue = new int[n];
        int head = 0, tail = 0;
        for (int v = 0; v < n; v++)
        {
            if (!g.IsDonor[v]) continue;
            dist[v] = 0;
            queue[tail++] = v;
        }
        while (head < tail)
        {
            int u = queue[head++];
            if (dist[u] >= maxChain) continue;
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
            {
                int v = g.OutTo[e];
                if (dist[v] != int.MaxValue) continue;
                dist[v] = dist[u] + 1;
                queue[tail++] = v;
            }
        }
        return dist;
    }

    /// <summary>Whether the arc u → v can be a leg of a chain of at most <paramref name="maxChain"/> legs.</summary>
    public static bool IsChainArc(GiftGraph g, int[] chainDist, int u, int maxChain) =>
        maxChain >= 1 && (g.IsDonor[u] || (chainDist[u] >= 1 && chainDist[u] < maxChain));

    /// <summary>Marks the arcs that lie on a loop of at most <paramref name="maxCycle"/> items.</summary>
    public static void MarkCycleArcs(GiftGraph g, int maxCycle, bool[] keep, CancellationToken cancellationToken)
    {
        if (maxCycle < 2) return;
        if (maxCycle <= 3) MarkShortCycleArcs(g, maxCycle, keep, cancellationToken);
        else MarkCycleArcsByDistance(g, maxCycle, keep, cancellationToken);
    }

    private static void MarkShortCycleArcs(GiftGraph g, int maxCycle, bool[] keep, CancellationToken cancellationToken)
    {
        int n = g.VertexCount;
        var stamp = new int[n];
        var closing = new int[n];
        Array.Fill(stamp, -1);
        for (int s = 0; s < n; s++)
        {
            if (g.IsDonor[s]) continue;
            if ((s & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
            for (int i = g.InStart[s]; i < g.InStart[s + 1]; i++)
            {
                stamp[g.InFrom[i]] = s;
                closing[g.InFrom[i]] = g.InArc[i];
            }
            for (int e1 = g.OutStart[s]; e1 < g.OutStart[s + 1]; e1++)
            {
                int a = g.OutTo[e1];
                if (a <= s) continue;
                if (stamp[a] == s)
                {
                    keep[e1] = true;
                    keep[closing[a]] = true;
                }
                if (maxCycle < 3) continue;
                for (int e2 = g.OutStart[a]; e2 < g.OutStart[a + 1]; e2++)
                {
                    int b = g.OutTo[e2];
                    if (b <= s || stamp[b] != s) continue;
                    keep[e1] = true;
                    keep[e2] = true;
                    keep[closing[b]] = true;
                }
            }
        }
    }

    /// <summary>An arc s → v lies on a loop of at most k items iff v reaches s in at most k − 1 steps.</summary>
    private static void MarkCycleArcsByDistance(GiftGraph g, int maxCycle, bool[] keep, CancellationToken cancellationToken)
    {
        int n = g.VertexCount;
        var stamp = new int[n];
        var depth = new int[n];
        var queue = new int[n];
        Array.Fill(stamp, -1);
        for (int s = 0; s < n; s++)
        {
            if (g.IsDonor[s]) continue;
            if ((s & 15) == 0) cancellationToken.ThrowIfCancellationRequested();
            int head = 0, tail = 0;
            stamp[s] = s;
            depth[s] = 0;
            queue[tail++] = s;
            while (head < tail)
            {
                int x = queue[head++];
                if (depth[x] >= maxCycle - 1) continue;
                for (int i = g.InStart[x]; i < g.InStart[x + 1]; i++)
                {
                    int y = g.InFrom[i];
                    if (stamp[y] == s) continue;
                    stamp[y] = s;
                    depth[y] = depth[x] + 1;
                    queue[tail++] = y;
                }
            }
            for (int e = g.OutStart[s]; e < g.OutStart[s + 1]; e++)
            {
                int v = g.OutTo[e];
                if (v != s && stamp[v] == s) keep[e] = true;
            }
        }
    }

    /// <summary>
    /// The parts of <paramref name="g"/> once the arcs not in <paramref name="keep"/> are removed:
    /// weakly connected components with at least one arc, ordered by their smallest vertex.
    /// </summary>
    public static List<GiftGraph> Split(GiftGraph g, bool[] keep)
    {
        int n = g.VertexCount;
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        var hasArc = new bool[n];
        for (int u = 0; u < n; u++)
        {
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
            {
                if (!keep[e]) continue;
                int v = g.OutTo[e];
                hasArc[u] = hasArc[v] = true;
                int a = Find(parent, u), b = Find(parent, v);
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
        var slot = new int[n];
        Array.Fill(slot, -1);
        var members = new List<List<int>>();
        for (int v = 0; v < n; v++)
        {
            if (!hasArc[v]) continue;
            int root = Find(parent, v);
            if (slot[root] < 0)
            {
                slot[root] = members.Count;
                members.Add([]);
            }
            members[slot[root]].Add(v);
        }
        var parts = new List<GiftGraph>(members.Count);
        foreach (var list in members) parts.Add(g.Subgraph([.. list], keep));
        return parts;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
