namespace Yalu.Engine.Capped;

/// <summary>Checks a part's solution against its gift graph and totals its weight.</summary>
internal static class SolutionValue
{
    /// <summary>
    /// The total weight of the loops and chains; throws when an arc is missing, a vertex is used
    /// twice, a loop or chain breaks the caps, or a chain does not start at a donor.
    /// </summary>
    public static long Of(GiftGraph g, PartSolution solution, int maxCycle, int maxChain)
    {
        var used = new bool[g.VertexCount];
        long total = 0;
        foreach (var cycle in solution.Cycles)
        {
            if (cycle.Length < 2 || cycle.Length > maxCycle) throw new InvalidOperationException($"a loop of {cycle.Length} items (the cap is {maxCycle})");
            for (int i = 0; i < cycle.Length; i++)
            {
                Use(used, cycle[i]);
                if (g.IsDonor[cycle[i]]) throw new InvalidOperationException("a donor in a loop");
                total += Weight(g, cycle[i], cycle[(i + 1) % cycle.Length]);
            }
        }
        foreach (var chain in solution.Chains)
        {
            if (chain.Length < 2 || !g.IsDonor[chain[0]]) throw new InvalidOperationException("a chain starts at a donor and has a leg");
            if (chain.Length - 1 > maxChain) throw new InvalidOperationException($"a chain of {chain.Length - 1} legs (the cap is {maxChain})");
            for (int i = 0; i < chain.Length; i++)
            {
                Use(used, chain[i]);
                if (i > 0) total += Weight(g, chain[i - 1], chain[i]);
            }
        }
        return total;
    }

    private static void Use(bool[] used, int v)
    {
        if (used[v]) throw new InvalidOperationException("a vertex is used twice");
        used[v] = true;
    }

    private static long Weight(GiftGraph g, int u, int v)
    {
        int e = g.FindArc(u, v);
        if (e < 0) throw new InvalidOperationException("an exchange uses an arc that does not exist");
        return g.OutWeight[e];
    }
}
