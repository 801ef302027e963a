namespace Yalu.Engine.Capped;

/// <summary>
/// Every loop of at most k items of a gift graph, each once: its vertices in gift order (each gives
/// to the next, the last to the first) starting from its smallest vertex, and its total weight.
/// Stored in flat arrays (a few hundred thousand to several million loops on 1,024-pair pools).
/// </summary>
internal sealed class CycleSet
{
    private CycleSet(int[] start, int[] vertices, long[] weight, int count)
    {
        Start = start;
        Vertices = vertices;
        Weight = weight;
        Count = count;
    }

    /// <summary>Number of loops.</summary>
    public int Count { get; }

    /// <summary>Loop c has vertices <c>Vertices[Start[c]..Start[c+1]]</c>.</summary>
    public int[] Start { get; }

    /// <summary>The vertices of all loops, one after the other.</summary>
    public int[] Vertices { get; }

    /// <summary>The total weight of each loop.</summary>
    public long[] Weight { get; }

    /// <summary>The vertices of loop <paramref name="c"/>.</summary>
    public ReadOnlySpan<int> Of(int c) => Vertices.AsSpan(Start[c], Start[c + 1] - Start[c]);

    /// <summary>
    /// Enumerates the loops of at most <paramref name="maxCycle"/> items; null when there are more
    /// than <paramref name="maxCount"/> of them (the caller then needs a compact formulation).
    /// </summary>
    public static CycleSet? Enumerate(GiftGraph g, int maxCycle, long maxCount, CancellationToken cancellationToken)
    {
        var sink = new Sink(Math.Min(1 << 16, (int)Math.Min(maxCount + 1, int.MaxValue / 4)));
        if (maxCycle >= 2)
        {
            bool complete = maxCycle <= 3
                ? EnumerateShort(g, maxCycle, maxCount, sink, cancellationToken)
                : EnumerateLong(g, maxCycle, maxCount, sink, cancellationToken);
            if (!complete) return null;
        }
        return sink.ToSet();
    }

    private static bool EnumerateShort(GiftGraph g, int maxCycle, long maxCount, Sink sink, CancellationToken cancellationToken)
    {
        int n = g.VertexCount;
        var stamp = new int[n];
        var closeWeight = new long[n];
        Array.Fill(stamp, -1);
        var outStart = g.OutStart;
        var outTo = g.OutTo;
        var outWeight = g.OutWeight;
        for (int s = 0; s < n; s++)
        {
            if (g.IsDonor[s]) continue;
            if ((s & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
            for (int i = g.InStart[s]; i < g.InStart[s + 1]; i++)
            {
                int x = g.InFrom[i];
                stamp[x] = s;
                closeWeight[x] = outWeight[g.InArc[i]];
            }
            for (int e1 = outStart[s]; e1 < outStart[s + 1]; e1++)
            {
                int a = outTo[e1];
                if (a <= s) continue;
                long w1 = outWeight[e1];
                if (stamp[a] == s) sink.Add2(s, a, w1 + closeWeight[a]);
                if (maxCycle < 3) continue;
                for (int e2 = outStart[a]; e2 < outStart[a + 1]; e2++)
                {
                    int b = outTo[e2];
                    if (b <= s || stamp[b] != s) continue;
                    sink.Add3(s, a, b, w1 + outWeight[e2] + closeWeight[b]);
                }
            }
            if (sink.Count > maxCount) return false;
        }
        return true;
    }

    private static bool EnumerateLong(GiftGraph g, int maxCycle, long maxCount, Sink sink, CancellationToken cancellationToken)
    {
        int n = g.VertexCount;
        var back = new int[n];       // steps from a vertex back to s (through vertices > s), for pruning
        var backStamp = new int[n];
        var onPath = new bool[n];
        var queue = new int[n];
        var path = new int[maxCycle];
        var pathWeight = new long[maxCycle];
        var next = new int[maxCycle];
        Array.Fill(backStamp, -1);
        long steps = 0;
        for (int s = 0; s < n; s++)
        {
            if (g.IsDonor[s]) continue;
            cancellationToken.ThrowIfCancellationRequested();
            // Reverse breadth-first search from s over vertices > s, to depth k − 1.
            int head = 0, tail = 0;
            backStamp[s] = s;
            back[s] = 0;
            queue[tail++] = s;
            while (head < tail)
            {
                int x = queue[head++];
                if (back[x] >= maxCycle - 1) continue;
                for (int i = g.InStart[x]; i < g.InStart[x + 1]; i++)
                {
                    int y = g.InFrom[i];
                    if (y <= s || backStamp[y] == s) continue;
                    backStamp[y] = s;
                    back[y] = back[x] + 1;
                    queue[tail++] = y;
                }
            }
            // Depth-first search over simple paths s → … that can still close within the cap.
            int depth = 0;
            path[0] = s;
            pathWeight[0] = 0;
            next[0] = g.OutStart[s];
            onPath[s] = true;
            while (depth >= 0)
            {
                int u = path[depth];
                if (next[depth] >= g.OutStart[u + 1])
                {
                    onPath[u] = false;
                    depth--;
                    continue;
                }
                int e = next[depth]++;
                int v = g.OutTo[e];
                if ((++steps & 0xFFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (v == s)
                {
                    if (depth >= 1) sink.Add(path.AsSpan(0, depth + 1), pathWeight[depth] + g.OutWeight[e]);
                    continue;
                }
                if (v < s || onPath[v] || backStamp[v] != s) continue;
                // With v the loop has depth + 2 items so far; getting back to s adds back[v] − 1 more.
                if (back[v] > maxCycle - depth - 1) continue;
                depth++;
                path[depth] = v;
                pathWeight[depth] = pathWeight[depth - 1] + g.OutWeight[e];
                next[depth] = g.OutStart[v];
                onPath[v] = true;
            }
            if (sink.Count > maxCount) return false;
        }
        return true;
    }

    /// <summary>A growable store of loops.</summary>
    private sealed class Sink(int capacity)
    {
        private int[] _start = new int[capacity + 1];
        private int[] _vertices = new int[capacity * 3];
        private long[] _weight = new long[capacity];
        private int _used;

        public int Count { get; private set; }

        public void Add2(int a, int b, long w)
        {
            Reserve(2);
            _vertices[_used++] = a;
            _vertices[_used++] = b;
            Close(w);
        }

        public void Add3(int a, int b, int c, long w)
        {
            Reserve(3);
            _vertices[_used++] = a;
            _vertices[_used++] = b;
            _vertices[_used++] = c;
            Close(w);
        }

        public void Add(ReadOnlySpan<int> loop, long w)
        {
            Reserve(loop.Length);
            loop.CopyTo(_vertices.AsSpan(_used));
            _used += loop.Length;
            Close(w);
        }

        private void Reserve(int size)
        {
            if (_used + size > _vertices.Length) Array.Resize(ref _vertices, Math.Max(_vertices.Length * 2, _used + size));
            if (Count + 1 >= _weight.Length)
            {
                int capacity = _weight.Length * 2;
                Array.Resize(ref _weight, capacity);
                Array.Resize(ref _start, capacity + 1);
            }
        }

        private void Close(long w)
        {
            _weight[Count] = w;
            _start[++Count] = _used;
        }

        public CycleSet ToSet() => new(_start, _vertices, _weight, Count);
    }
}
