using Yalu.Market.Graphs;

namespace Yalu.Engine.Capped;

/// <summary>
/// Chooses the power of ten that turns a graph's want weights into integers, so that every
/// comparison the solver makes (bounds, reduced costs, CP-SAT objectives) is exact.
/// </summary>
internal static class WeightScale
{
    /// <summary>Largest scaled weight total the solver accepts: doubles hold such integers exactly.</summary>
    private const double MaxTotal = 1L << 52;

    /// <summary>
    /// The smallest 10^d (d ≤ 9) under which every weight is an integer, within 10^-9 relative; when
    /// none is, the largest 10^d that keeps the sum of all weights below 2^52 (weights are then
    /// rounded to multiples of 10^-d). 1 when <paramref name="countOnly"/>.
    /// </summary>
    public static long Choose(WantGraph graph, bool countOnly)
    {
        if (countOnly) return 1;
        double total = 0;
        for (int v = 0; v < graph.ItemCount; v++)
        {
            if (graph.IsDonor(v)) continue;
            foreach (double w in graph.WeightsOf(v)) total += w;
        }
        long scale = 1;
        for (int d = 0; d <= 9; d++, scale *= 10)
        {
            if (total * scale >= MaxTotal) return Math.Max(1, scale / 10);
            if (AllIntegral(graph, scale)) return scale;
        }
        return scale / 10;
    }

    private static bool AllIntegral(WantGraph graph, long scale)
    {
        for (int v = 0; v < graph.ItemCount; v++)
        {
            if (graph.IsDonor(v)) continue;
            foreach (double w in graph.WeightsOf(v))
            {
                double x = w * scale;
                if (Math.Abs(x - Math.Round(x)) > 1e-9 * Math.Max(1, Math.Abs(x))) return false;
            }
        }
        return true;
    }
}
