using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests.Capped;

/// <summary>
/// The capped optimum by exhaustion: every loop of at most k items and every chain of at most L legs
/// from a donor is listed, and every set of disjoint ones is tried. For graphs of a dozen vertices.
/// </summary>
internal static class BruteForce
{
    public static double Optimum(WantGraph graph, int maxCycle, int maxChain)
    {
        int n = graph.ItemCount;
        // gives[u] = (v, w): u's item can go to v's owner, worth w.
        var gives = new List<(int To, double Weight)>[n];
        for (int i = 0; i < n; i++) gives[i] = [];
        for (int v = 0; v < n; v++)
        {
            if (graph.IsDonor(v)) continue;
            var wants = graph.WantsOf(v);
            var weights = graph.WeightsOf(v);
            for (int k = 0; k < wants.Length; k++) gives[wants[k]].Add((v, weights[k]));
        }
        var columns = new List<(int[] Vertices, double Weight)>();
        var path = new List<int>();
        var on = new bool[n];

        // Loops through their smallest vertex s.
        void Loop(int s, int u, double weight)
        {
            foreach (var (v, w) in gives[u])
            {
                if (v == s && path.Count >= 2) columns.Add(([.. path], weight + w));
                if (v <= s || on[v] || path.Count >= maxCycle) continue;
                path.Add(v);
                on[v] = true;
                Loop(s, v, weight + w);
                on[v] = false;
                path.RemoveAt(path.Count - 1);
            }
        }
        void Chain(int u, double weight)
        {
            foreach (var (v, w) in gives[u])
            {
                if (on[v] || path.Count > maxChain) continue;
                path.Add(v);
                on[v] = true;
                if (path.Count - 1 <= maxChain) columns.Add(([.. path], weight + w));
                if (path.Count - 1 < maxChain) Chain(v, weight + w);
                on[v] = false;
                path.RemoveAt(path.Count - 1);
            }
        }
        for (int s = 0; s < n; s++)
        {
            path.Clear();
            path.Add(s);
            on[s] = true;
            if (graph.IsDonor(s)) Chain(s, 0);
            else if (maxCycle >= 2) Loop(s, s, 0);
            on[s] = false;
        }

        var byLowest = new List<int>[n];
        for (int i = 0; i < n; i++) byLowest[i] = [];
        for (int c = 0; c < columns.Count; c++) byLowest[columns[c].Vertices.Min()].Add(c);
        var used = new bool[n];
        double best = 0;
        void Pack(int i, double total)
        {
            if (i == n)
            {
                best = Math.Max(best, total);
                return;
            }
            if (used[i])
            {
                Pack(i + 1, total);
                return;
            }
            Pack(i + 1, total);
            foreach (int c in byLowest[i])
            {
                var vertices = columns[c].Vertices;
                if (vertices.Any(v => used[v])) continue;
                foreach (int v in vertices) used[v] = true;
                Pack(i + 1, total + columns[c].Weight);
                foreach (int v in vertices) used[v] = false;
            }
        }
        Pack(0, 0);
        return best;
    }
}
