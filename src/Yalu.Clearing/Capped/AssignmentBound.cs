using Google.OrTools.Graph;

namespace Yalu.Clearing.Capped;

/// <summary>
/// An upper bound that ignores the caps: the best clearing with loops and chains of any length is a
/// minimum-cost perfect assignment of receivers to givers, where every item may keep its own, a
/// pair receives an arc's weight, and a donor's receiving side may take the item of any pair a
/// chain can reach (that pair's item goes to the pool, ending the chain). Solved exactly by
/// OR-Tools' <see cref="LinearSumAssignment"/> in well under a second on 1,024-pair pools; on the
/// PrefLib kidney instances it equals the capped optimum more often than not.
/// </summary>
internal static class AssignmentBound
{
    /// <summary>The bound (scaled weights), or <see cref="long.MaxValue"/> when the costs are too large for it.</summary>
    public static long Compute(GiftGraph g, int[] chainDist, int maxChain)
    {
        int n = g.VertexCount;
        using var assignment = new LinearSumAssignment();
        for (int v = 0; v < n; v++) assignment.AddArcWithCost(v, v, 0);
        for (int u = 0; u < n; u++)
        {
            bool donor = g.IsDonor[u];
            if (donor && maxChain < 1) continue;
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++) assignment.AddArcWithCost(g.OutTo[e], u, -g.OutWeight[e]);
        }
        if (maxChain >= 1)
        {
            for (int d = 0; d < n; d++)
            {
                if (!g.IsDonor[d]) continue;
                for (int v = 0; v < n; v++)
                {
                    if (!g.IsDonor[v] && chainDist[v] <= maxChain) assignment.AddArcWithCost(d, v, 0);
                }
            }
        }
        var status = assignment.Solve();
        return status == LinearSumAssignment.Status.OPTIMAL ? -assignment.OptimalCost() : long.MaxValue;
    }
}
