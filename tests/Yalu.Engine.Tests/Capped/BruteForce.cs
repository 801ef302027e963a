using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests.Capped;

/// <summary>
/// The capped optimum by exhaustion: every loop of at most k items and every chain of at most L legs
/// from a donor is listed, and every set of disjoint ones is tried. For graphs of a dozen vertices.
/// </summary>
internal static class BruteForce
{
    public static double Optimum(WantGraph graph, int maxCycle, int maxChain) => Optimum(graph, maxCycle, maxChain, credit: null);

    /// <summary>
    /// The optimum among the packings that meet <paramref name="credit"/>: for every user, the sum
    /// over the arcs a → b of the chosen exchanges (b's owner receives a's item) of value(b) − value(a)
    /// is at least the user's floor, and at most one item of each of its groups trades. Computed from
    /// the arcs directly, not through the solver's rows.
    /// </summary>
    public static double Optimum(WantGraph graph, int maxCycle, int maxChain, CreditConstraint? credit)
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
        var chosen = new List<int>();
        bool MeetsCredit()
        {
            if (credit is null) return true;
            var net = new long[graph.UserCount];
            foreach (int c in chosen)
            {
                var vertices = columns[c].Vertices;
                bool loop = !graph.IsDonor(vertices[0]);
                int arcs = loop ? vertices.Length : vertices.Length - 1;
                for (int k = 0; k < arcs; k++)
                {
                    int from = vertices[k], to = vertices[(k + 1) % vertices.Length];
                    net[graph.Owner(to)] += credit.ItemValues[to] - credit.ItemValues[from];
                }
            }
            for (int u = 0; u < net.Length; u++)
                if (net[u] < credit.UserFloors[u]) return false;
            foreach (var group in credit.Groups)
                if (group.Count(i => chosen.Any(c => columns[c].Vertices.Contains(i))) > 1) return false;
            return true;
        }
        void Pack(int i, double total)
        {
            if (i == n)
            {
                if (total > best && MeetsCredit()) best = total;
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
                chosen.Add(c);
                Pack(i + 1, total + columns[c].Weight);
                chosen.RemoveAt(chosen.Count - 1);
                foreach (int v in vertices) used[v] = false;
            }
        }
        Pack(0, 0);
        return best;
    }
}
