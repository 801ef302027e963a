namespace Yalu.Engine;

/// <summary>
/// The arcs of an assignment problem that can appear in an optimal assignment, found from the
/// optimal dual: given one optimal assignment, node potentials are shortest distances in its
/// exchange graph (an arc i→k of weight c(i, σ(k)) − c(k, σ(k)) for every arc (i, σ(k)) that is not
/// matched), and an arc lies in some optimal assignment only if its reduced cost under those
/// potentials is zero (complementary slackness). Conversely every perfect assignment that uses
/// only zero-reduced-cost arcs is optimal, so the face is exactly the set of optimal assignments.
/// </summary>
/// <remarks>
/// The exchange graph has no negative cycle because the assignment is optimal, so the
/// Bellman–Ford queue algorithm (SPFA) terminates; in practice it settles in a few passes.
/// </remarks>
internal static class OptimalFace
{
    /// <summary>
    /// For every arc, whether its reduced cost is zero. <paramref name="assigned"/> maps each
    /// receiver to its sender and must be an optimal perfect assignment over <paramref name="arcs"/>.
    /// </summary>
    public static bool[] ZeroReducedCost(int m, ReadOnlySpan<AssignmentArc> arcs, int[] assigned)
    {
        var receiverOf = new int[m];
        for (int k = 0; k < m; k++) receiverOf[assigned[k]] = k;
        var matchedCost = new long[m];
        foreach (var arc in arcs)
        {
            if (assigned[arc.From] == arc.To) matchedCost[arc.From] = arc.Cost;
        }

        // Exchange graph in compressed rows: i → k with weight c(i, j) − c(k, j), j = σ(k).
        var offsets = new int[m + 1];
        foreach (var arc in arcs)
        {
            if (receiverOf[arc.To] != arc.From) offsets[arc.From + 1]++;
        }
        for (int i = 0; i < m; i++) offsets[i + 1] += offsets[i];
        var head = new int[offsets[m]];
        var weight = new long[offsets[m]];
        var fill = offsets[..m];
        foreach (var arc in arcs)
        {
            int k = receiverOf[arc.To];
            if (k == arc.From) continue;
            int at = fill[arc.From]++;
            head[at] = k;
            weight[at] = arc.Cost - matchedCost[k];
        }

        var distance = new long[m];
        var queued = new bool[m];
        var queue = new Queue<int>(m);
        for (int i = 0; i < m; i++)
        {
            queue.Enqueue(i);
            queued[i] = true;
        }
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            queued[i] = false;
            long di = distance[i];
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                int k = head[e];
                long candidate = di + weight[e];
                if (candidate < distance[k])
                {
                    distance[k] = candidate;
                    if (!queued[k])
                    {
                        queued[k] = true;
                        queue.Enqueue(k);
                    }
                }
            }
        }

        var zero = new bool[arcs.Length];
        for (int a = 0; a < arcs.Length; a++)
        {
            var arc = arcs[a];
            int k = receiverOf[arc.To];
            long reduced = distance[arc.From] + arc.Cost - matchedCost[k] - distance[k];
            if (reduced < 0) throw new InvalidOperationException("the assignment is not optimal (negative reduced cost)");
            zero[a] = reduced == 0;
        }
        return zero;
    }
}
