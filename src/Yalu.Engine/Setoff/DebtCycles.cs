using System.Runtime.CompilerServices;
using Yalu.Market.Setoff;

namespace Yalu.Engine.Setoff;

/// <summary>
/// Which obligations lie on a cycle of debt: those whose debtor and creditor are in the same strongly
/// connected component of the debt graph (Tarjan's algorithm, iterative, over a compressed adjacency).
/// A set-off is a circulation, and a circulation is zero on every arc between two components, so
/// only these obligations can be set off at all; the solver leaves the rest out of its model.
/// </summary>
internal static class DebtCycles
{
    /// <summary>The component of every party (numbers 0..count−1), and their count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per solve: no time to tier up
    public static int[] Components(ObligationNetwork network, out int count)
    {
        int n = network.PartyCount;
        int m = network.Count;
        var start = new int[n + 1];
        for (int i = 0; i < m; i++) start[network[i].Debtor + 1]++;
        for (int p = 0; p < n; p++) start[p + 1] += start[p];
        var head = new int[m];
        var fill = start.AsSpan(0, n).ToArray();
        for (int i = 0; i < m; i++) head[fill[network[i].Debtor]++] = network[i].Creditor;

        var index = new int[n];
        var low = new int[n];
        var component = new int[n];
        var next = new int[n];
        var stack = new int[n];
        var calls = new int[n];
        Array.Fill(index, -1);
        Array.Fill(component, -1);
        int stackTop = 0, callTop = 0, counter = 0;
        count = 0;
        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            Visit(root);
            while (callTop > 0)
            {
                int v = calls[callTop - 1];
                if (next[v] < start[v + 1])
                {
                    int w = head[next[v]++];
                    if (index[w] < 0) Visit(w);
                    else if (component[w] < 0) low[v] = Math.Min(low[v], index[w]);
                    continue;
                }
                callTop--;
                if (callTop > 0)
                {
                    int parent = calls[callTop - 1];
                    low[parent] = Math.Min(low[parent], low[v]);
                }
                if (low[v] != index[v]) continue;
                int x;
                do
                {
                    x = stack[--stackTop];
                    component[x] = count;
                }
                while (x != v);
                count++;
            }
        }
        return component;

        void Visit(int v)
        {
            index[v] = low[v] = counter++;
            next[v] = start[v];
            stack[stackTop++] = v;
            calls[callTop++] = v;
        }
    }
}
