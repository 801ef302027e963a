namespace Yalu.Engine.Capped;

/// <summary>
/// Routes chains through what a choice of loops left: every allowed chain (each arc allowed at its
/// position, no vertex twice or already used, ending where allowed) is enumerated, up to a cap, and
/// Algorithm X picks one per donor so that every must-cover vertex lies on exactly one. Shorter
/// chains are tried first.
/// </summary>
internal static class ChainCover
{
    /// <summary>
    /// Walks from the donors of at most <paramref name="maxChain"/> allowed arcs through unused
    /// vertices: at least the number of paths the enumeration visits, counted in O(L · arcs) so that
    /// an enumeration too large to finish is not started.
    /// </summary>
    private static double Walks(GiftGraph g, int maxChain, bool[] used, Func<int, int, int, bool> arcAllowed)
    {
        int n = g.VertexCount;
        var ways = new double[n];
        var next = new double[n];
        for (int d = 0; d < n; d++) ways[d] = g.IsDonor[d] && !used[d] ? 1 : 0;
        double total = 0;
        for (int p = 1; p <= maxChain; p++)
        {
            Array.Clear(next);
            for (int u = 0; u < n; u++)
            {
                if (ways[u] == 0) continue;
                for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
                {
                    int v = g.OutTo[e];
                    if (used[v] || g.IsDonor[v] || !arcAllowed(u, e, p)) continue;
                    next[v] += ways[u];
                }
            }
            foreach (double w in next) total += w;
            (ways, next) = (next, ways);
        }
        return total;
    }

    /// <summary>
    /// Chains (gift order, donor first) covering every vertex of <paramref name="must"/> not in
    /// <paramref name="used"/>; null when there are none, when more than <paramref name="maxChains"/>
    /// chains are allowed, or when the search gives up.
    /// </summary>
    public static List<int[]>? Solve(
        GiftGraph g, int maxChain, bool[] used, bool[] must, Func<int, int, int, bool> arcAllowed, Func<int, int, int, bool> endAllowed,
        int maxChains, long nodeLimit, CancellationToken cancellationToken)
    {
        int n = g.VertexCount;
        if (Walks(g, maxChain, used, arcAllowed) > maxChains) return null;
        var byLength = new List<int>[maxChain + 1];
        for (int p = 0; p <= maxChain; p++) byLength[p] = [];
        var flat = new List<int>();
        var starts = new List<int>();
        var path = new int[maxChain + 1];
        var onPath = new bool[n];
        bool tooMany = false;

        void Extend(int donor, int u, int p)
        {
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1] && !tooMany; e++)
            {
                int v = g.OutTo[e];
                if (used[v] || onPath[v] || !arcAllowed(u, e, p)) continue;
                path[p] = v;
                if (endAllowed(donor, v, p))
                {
                    if (starts.Count >= maxChains)
                    {
                        tooMany = true;
                        return;
                    }
                    byLength[p].Add(starts.Count);
                    starts.Add(flat.Count);
                    for (int i = 0; i <= p; i++) flat.Add(path[i]);
                }
                if (p == maxChain) continue;
                onPath[v] = true;
                Extend(donor, v, p + 1);
                onPath[v] = false;
            }
        }
        for (int d = 0; d < n && !tooMany; d++)
        {
            if (!g.IsDonor[d] || used[d]) continue;
            cancellationToken.ThrowIfCancellationRequested();
            path[0] = d;
            onPath[d] = true;
            Extend(d, d, 1);
            onPath[d] = false;
        }
        if (tooMany) return null;
        starts.Add(flat.Count);

        // Options in order of length, so short chains are tried first.
        int count = starts.Count - 1;
        var optionStart = new int[count + 1];
        var items = new int[flat.Count];
        var order = new int[count];
        int k = 0, at = 0;
        for (int p = 1; p <= maxChain; p++)
        {
            foreach (int c in byLength[p])
            {
                order[k] = c;
                optionStart[k++] = at;
                for (int i = starts[c]; i < starts[c + 1]; i++) items[at++] = flat[i];
            }
        }
        optionStart[count] = at;
        var primary = new bool[n];
        for (int v = 0; v < n; v++) primary[v] = must[v] && !used[v];
        // When a cover exists it is found in about one node per chain chosen; a failing search is cut short.
        int primaryCount = primary.Count(x => x);
        var chosen = new ExactCover(n, optionStart, items, count).Solve(primary, Math.Min(nodeLimit, 64 + (2L * primaryCount)), cancellationToken);
        if (chosen is null) return null;
        var chains = new List<int[]>(chosen.Length);
        foreach (int o in chosen) chains.Add(items[optionStart[o]..optionStart[o + 1]]);
        return chains;
    }
}
