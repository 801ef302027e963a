using Yalu.Market.Graphs;

namespace Yalu.Engine;

/// <summary>
/// Explains every real item that does not trade (<see cref="UntradedReason"/>, first that applies)
/// and suggests the single extra want that would let it trade.
/// </summary>
/// <remarks>
/// The suggestion is an item <c>x</c> from which wants lead back to the untraded item through items
/// (and dummies) that do not trade now. Adding the want item → x closes a loop of untraded items, so
/// the current solution plus that loop trades more items than any solution without the new want;
/// every optimal solution of the new want lists therefore uses it, and the item trades. The search is
/// a breadth-first walk backwards over untraded items, so the loop found is a shortest one.
/// </remarks>
internal static class UntradedExplainer
{
    /// <param name="graph">The want graph.</param>
    /// <param name="receives">The final solution before dummy elision: item → item received (itself when not trading).</param>
    /// <param name="component">Strongly connected component of each item.</param>
    /// <param name="canTradeOptimally">Whether the item trades in some solution with the most items at the lowest cost.</param>
    /// <param name="result">The final clearing.</param>
    public static List<UntradedItem> Explain(WantGraph graph, int[] receives, int[] component, bool[] canTradeOptimally, ClearingResult result)
    {
        int n = graph.ItemCount;
        var list = new List<UntradedItem>();

        // Dummies that some real item reaches through its owner's dummies: their wants count as that owner's.
        var liveDummy = new bool[n];
        var queue = new Queue<int>();
        for (int i = 0; i < n; i++)
        {
            if (graph.IsDummy(i)) continue;
            foreach (int w in graph.WantsOf(i))
            {
                if (graph.IsDummy(w) && !liveDummy[w])
                {
                    liveDummy[w] = true;
                    queue.Enqueue(w);
                }
            }
        }
        while (queue.Count > 0)
        {
            foreach (int w in graph.WantsOf(queue.Dequeue()))
            {
                if (graph.IsDummy(w) && !liveDummy[w])
                {
                    liveDummy[w] = true;
                    queue.Enqueue(w);
                }
            }
        }

        // Reverse wants, and how many real items share each component.
        var reverseOffsets = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            foreach (int w in graph.WantsOf(i)) reverseOffsets[w + 1]++;
        }
        for (int i = 0; i < n; i++) reverseOffsets[i + 1] += reverseOffsets[i];
        var reverse = new int[reverseOffsets[n]];
        var fill = reverseOffsets[..n];
        for (int i = 0; i < n; i++)
        {
            foreach (int w in graph.WantsOf(i)) reverse[fill[w]++] = i;
        }
        var realPerComponent = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            if (!graph.IsDummy(i)) realPerComponent[component[i]] = realPerComponent.GetValueOrDefault(component[i]) + 1;
        }

        var free = new bool[n];
        for (int i = 0; i < n; i++) free[i] = receives[i] == i;
        var stamp = new int[n];
        var depth = new int[n];
        var wantedByItem = new HashSet<int>();

        for (int item = 0; item < n; item++)
        {
            if (graph.IsDummy(item) || result.Trades(item)) continue;
            var reason = Reason(item);
            var (suggest, size) = Suggest(item);
            list.Add(new UntradedItem(item, reason, suggest, size));
        }
        return list;

        UntradedReason Reason(int item)
        {
            if (!WantsSomething(item)) return UntradedReason.WantsNothing;
            if (!IsWanted(item)) return UntradedReason.NobodyWantsIt;
            if (realPerComponent[component[item]] < 2) return UntradedReason.NoLoop;
            return canTradeOptimally[item] ? UntradedReason.TieBroken : UntradedReason.CrowdedOut;
        }

        bool WantsSomething(int item)
        {
            var seen = new HashSet<int> { item };
            var walk = new Stack<int>([item]);
            while (walk.Count > 0)
            {
                foreach (int w in graph.WantsOf(walk.Pop()))
                {
                    if (!graph.IsDummy(w)) return true;
                    if (seen.Add(w)) walk.Push(w);
                }
            }
            return false;
        }

        bool IsWanted(int item)
        {
            for (int e = reverseOffsets[item]; e < reverseOffsets[item + 1]; e++)
            {
                int x = reverse[e];
                if (!graph.IsDummy(x) || liveDummy[x]) return true;
            }
            return false;
        }

        (int? Suggest, int? Size) Suggest(int item)
        {
            int owner = graph.Owner(item);
            wantedByItem.Clear();
            foreach (int w in graph.WantsOf(item)) wantedByItem.Add(w);
            int mark = item + 1;
            var frontier = new Queue<int>();
            stamp[item] = mark;
            depth[item] = 0;
            frontier.Enqueue(item);
            while (frontier.Count > 0)
            {
                int v = frontier.Dequeue();
                for (int e = reverseOffsets[v]; e < reverseOffsets[v + 1]; e++)
                {
                    int x = reverse[e];
                    if (stamp[x] == mark || !free[x]) continue;
                    stamp[x] = mark;
                    depth[x] = depth[v] + (graph.IsDummy(x) ? 0 : 1);
                    if (!graph.IsDummy(x) && (owner < 0 || graph.Owner(x) != owner) && !wantedByItem.Contains(x))
                        return (x, depth[x] + 1);
                    frontier.Enqueue(x);
                }
            }
            return (null, null);
        }
    }
}
