using CsCheck;
using Xunit;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests;

/// <summary>
/// Random small math trades (with dummies, built under TradeMaximizer's rules) against a brute-force
/// optimum over every permutation the wants allow.
/// </summary>
public sealed class MathTradeSolverProperties
{
    private const long NonTrade = RandomTrades.NonTrade;

    /// <summary>A random instance: up to 4 users, up to 7 items, a few dummies, random ranked wants.</summary>
    private static readonly Gen<WantGraph> Instances =
        RandomTrades.Generate(1, 4, 7, 5).Select(seeds => RandomTrades.Build(seeds, wantPercent: 45));

    /// <summary>TradeMaximizer's objective over every permutation that follows wants: each item pays its want or the non-trade cost.</summary>
    private static long BruteForce(WantGraph graph)
    {
        int n = graph.ItemCount;
        var taken = new bool[n];
        long best = long.MaxValue;
        void Go(int i, long cost)
        {
            if (cost >= best) return;
            if (i == n)
            {
                best = cost;
                return;
            }
            if (!taken[i])
            {
                taken[i] = true;
                Go(i + 1, cost + NonTrade);
                taken[i] = false;
            }
            var wants = graph.WantsOf(i);
            var costs = graph.CostsOf(i);
            for (int k = 0; k < wants.Length; k++)
            {
                if (taken[wants[k]]) continue;
                taken[wants[k]] = true;
                Go(i + 1, cost + costs[k]);
                taken[wants[k]] = false;
            }
        }
        Go(0, 0);
        return best;
    }

    private static long Objective(WantGraph graph, ClearingResult result)
    {
        long total = 0;
        for (int i = 0; i < graph.ItemCount; i++)
        {
            if (graph.IsDummy(i) || !result.Trades(i)) total += NonTrade;
        }
        return total + result.TotalCost;
    }

    /// <summary>Whether <paramref name="to"/> is reachable from <paramref name="from"/> through wants, passing only through dummies of the same owner.</summary>
    private static bool WantedDirectlyOrThroughDummies(WantGraph graph, int from, int to)
    {
        var seen = new HashSet<int> { from };
        var queue = new Queue<int>([from]);
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            foreach (int w in graph.WantsOf(v))
            {
                if (w == to) return true;
                if (graph.IsDummy(w) && graph.Owner(w) == graph.Owner(from) && seen.Add(w)) queue.Enqueue(w);
            }
        }
        return false;
    }

    [Fact]
    public void Solver_matches_the_brute_force_optimum() =>
        Instances.Sample(graph =>
        {
            var result = new MathTradeSolver().Solve(graph);
            return Objective(graph, result) == BruteForce(graph);
        }, iter: 400);

    [Fact]
    public void Every_leg_is_a_want_and_every_item_moves_at_most_once() =>
        Instances.Sample(graph =>
        {
            var result = new MathTradeSolver(new MathTradeOptions { Iterations = 3, Seed = 11 }).Solve(graph);
            var seen = new HashSet<int>();
            foreach (var loop in result.Loops)
            {
                if (!loop.IsLoop || loop.Size < 2) return false;
                foreach (int item in loop.Items)
                {
                    if (graph.IsDummy(item) || !seen.Add(item)) return false;
                    if (!WantedDirectlyOrThroughDummies(graph, item, result.Receives(item))) return false;
                    if (graph.Owner(item) == graph.Owner(result.Receives(item))) return false;
                }
            }
            return result.Stats().Trading == seen.Count;
        }, iter: 400);

    [Fact]
    public void Iterations_keep_the_optimum() =>
        Instances.Sample(graph =>
        {
            var one = new MathTradeSolver().Solve(graph);
            var many = new MathTradeSolver(new MathTradeOptions { Iterations = 5, Seed = 3 }).Solve(graph);
            return Objective(graph, one) == Objective(graph, many) && many.Stats().SumSquares <= one.Stats().SumSquares;
        }, iter: 200);
}
