using Yalu.Market.Graphs;

namespace Yalu.Engine.Capped;

/// <summary>
/// The compatibility graph a capped clearing works on, in the direction goods travel: an arc u → v
/// means "u's item can go to v's owner" (v wants u). Weights are integers (the graph's weights times
/// <see cref="WeightScale"/>). Arcs into donors are never present: a donor's owner receives nothing.
/// Arcs are kept in compressed rows, out-arcs of each vertex in increasing target order, and
/// mirrored as in-arcs.
/// </summary>
internal sealed class GiftGraph
{
    public GiftGraph(bool[] isDonor, int[] outStart, int[] outTo, long[] outWeight, int[] items)
    {
        IsDonor = isDonor;
        OutStart = outStart;
        OutTo = outTo;
        OutWeight = outWeight;
        Items = items;
        int n = isDonor.Length;
        InStart = new int[n + 1];
        foreach (int v in outTo) InStart[v + 1]++;
        for (int i = 0; i < n; i++) InStart[i + 1] += InStart[i];
        InFrom = new int[outTo.Length];
        InArc = new int[outTo.Length];
        var fill = InStart.AsSpan(0, n).ToArray();
        for (int u = 0; u < n; u++)
        {
            for (int e = outStart[u]; e < outStart[u + 1]; e++)
            {
                int at = fill[outTo[e]]++;
                InFrom[at] = u;
                InArc[at] = e;
            }
        }
        for (int v = 0; v < n; v++)
        {
            if (isDonor[v]) DonorCount++;
        }
    }

    /// <summary>
    /// The gift graph of a want graph: one vertex per item, an arc u → v for every want v → u of a
    /// non-donor v, weighted by the want's weight times <paramref name="scale"/> (rounded), or by
    /// <paramref name="scale"/> alone when <paramref name="countOnly"/>. Dummy items must be absent.
    /// </summary>
    public static GiftGraph Create(WantGraph graph, bool countOnly, long scale)
    {
        int n = graph.ItemCount;
        var donor = new bool[n];
        var start = new int[n + 1];
        for (int v = 0; v < n; v++)
        {
            if (graph.IsDummy(v)) throw new ArgumentException("capped clearing does not take dummy items", nameof(graph));
            donor[v] = graph.IsDonor(v);
        }
        for (int v = 0; v < n; v++)
        {
            if (donor[v]) continue;
            foreach (int u in graph.WantsOf(v)) start[u + 1]++;
        }
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        var to = new int[start[n]];
        var weight = new long[start[n]];
        var fill = start.AsSpan(0, n).ToArray();
        // Receivers in increasing order, so each row ends up sorted by head.
        for (int v = 0; v < n; v++)
        {
            if (donor[v]) continue;
            var wants = graph.WantsOf(v);
            var weights = graph.WeightsOf(v);
            for (int k = 0; k < wants.Length; k++)
            {
                int at = fill[wants[k]]++;
                to[at] = v;
                weight[at] = countOnly ? scale : (long)Math.Round(weights[k] * scale, MidpointRounding.AwayFromZero);
            }
        }
        var items = new int[n];
        for (int i = 0; i < n; i++) items[i] = i;
        return new GiftGraph(donor, start, to, weight, items);
    }

    /// <summary>Number of vertices (pairs and donors).</summary>
    public int VertexCount => IsDonor.Length;

    /// <summary>Number of arcs.</summary>
    public int ArcCount => OutTo.Length;

    /// <summary>Number of donor vertices.</summary>
    public int DonorCount { get; }

    /// <summary>Whether each vertex is a donor (gives, never receives).</summary>
    public bool[] IsDonor { get; }

    /// <summary>Out-arcs of u are <c>OutStart[u]..OutStart[u+1]</c>.</summary>
    public int[] OutStart { get; }

    /// <summary>The head of each arc.</summary>
    public int[] OutTo { get; }

    /// <summary>The integer weight of each arc.</summary>
    public long[] OutWeight { get; }

    /// <summary>In-arcs of v are <c>InStart[v]..InStart[v+1]</c>.</summary>
    public int[] InStart { get; }

    /// <summary>The tail of each in-arc.</summary>
    public int[] InFrom { get; }

    /// <summary>The out-arc index of each in-arc.</summary>
    public int[] InArc { get; }

    /// <summary>The item of the want graph each vertex stands for.</summary>
    public int[] Items { get; }

    /// <summary>The tail of out-arc <paramref name="arc"/> (binary search over the rows).</summary>
    public int TailOf(int arc)
    {
        int lo = 0, hi = VertexCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (OutStart[mid] <= arc) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The arc u → v, or -1.</summary>
    public int FindArc(int u, int v)
    {
        int i = Array.BinarySearch(OutTo, OutStart[u], OutStart[u + 1] - OutStart[u], v);
        return i < 0 ? -1 : i;
    }

    /// <summary>
    /// The subgraph on <paramref name="vertices"/> (increasing ids) with the arcs marked in
    /// <paramref name="keep"/> whose ends both lie in it; vertex i of the result is vertices[i].
    /// </summary>
    public GiftGraph Subgraph(int[] vertices, bool[] keep)
    {
        var local = new int[VertexCount];
        Array.Fill(local, -1);
        for (int i = 0; i < vertices.Length; i++) local[vertices[i]] = i;
        int n = vertices.Length;
        var start = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            int u = vertices[i];
            int count = 0;
            for (int e = OutStart[u]; e < OutStart[u + 1]; e++)
            {
                if (keep[e] && local[OutTo[e]] >= 0) count++;
            }
            start[i + 1] = start[i] + count;
        }
        var to = new int[start[n]];
        var weight = new long[start[n]];
        var donor = new bool[n];
        var items = new int[n];
        for (int i = 0; i < n; i++)
        {
            int u = vertices[i];
            donor[i] = IsDonor[u];
            items[i] = Items[u];
            int at = start[i];
            for (int e = OutStart[u]; e < OutStart[u + 1]; e++)
            {
                if (!keep[e] || local[OutTo[e]] < 0) continue;
                to[at] = local[OutTo[e]];
                weight[at++] = OutWeight[e];
            }
        }
        return new GiftGraph(donor, start, to, weight, items);
    }
}
