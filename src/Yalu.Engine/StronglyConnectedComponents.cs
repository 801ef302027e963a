using Yalu.Market.Graphs;

namespace Yalu.Engine;

/// <summary>
/// Strongly connected components of the want graph (Tarjan's algorithm, iterative so that long
/// want chains cannot overflow the stack). A want between two components lies on no loop, so a
/// loop-only clearing may drop it: this is the pruning TradeMaximizer does before matching.
/// </summary>
internal static class StronglyConnectedComponents
{
    /// <summary>Returns the component number of every node of an arbitrary graph given as arcs.</summary>
    public static int[] Compute(int n, IEnumerable<(int From, int To)> arcs)
    {
        var builder = new WantGraphBuilder(1);
        for (int i = 0; i < n; i++) builder.AddItem(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "", -1, isDummy: false);
        foreach (var (from, to) in arcs) builder.AddWant(from, to, 0);
        return Compute(builder.Build(), out _);
    }

    /// <summary>Returns the component number of every item (numbers are 0..count-1).</summary>
    public static int[] Compute(WantGraph graph, out int count)
    {
        int n = graph.ItemCount;
        var index = new int[n];
        var low = new int[n];
        var component = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new int[n];
        int stackTop = 0;
        var callItem = new int[n];
        var callEdge = new int[n];
        int next = 0;
        count = 0;

        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            int depth = 0;
            callItem[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = next++;
            stack[stackTop++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                int v = callItem[depth];
                var wants = graph.WantsOf(v);
                if (callEdge[depth] < wants.Length)
                {
                    int w = wants[callEdge[depth]++];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = next++;
                        stack[stackTop++] = w;
                        onStack[w] = true;
                        depth++;
                        callItem[depth] = w;
                        callEdge[depth] = 0;
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                    continue;
                }
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--stackTop];
                        onStack[w] = false;
                        component[w] = count;
                    } while (w != v);
                    count++;
                }
                depth--;
                if (depth >= 0)
                {
                    int parent = callItem[depth];
                    if (low[v] < low[parent]) low[parent] = low[v];
                }
            }
        }
        return component;
    }
}
