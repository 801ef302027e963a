using CsCheck;
using Xunit;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests;

/// <summary>
/// The improvement against brute force on random small trades: it never loses items or cost, and
/// reaches the most users trading over all optimal solutions; and every explanation holds when the
/// change it proposes is made.
/// </summary>
public sealed class FairnessProperties
{
    private const long NonTrade = RandomTrades.NonTrade;
    private const int WantPercent = 40;

    private static readonly Gen<WantGraph> Instances =
        RandomTrades.Generate(2, 5, 8, 3).Select(seeds => RandomTrades.Build(seeds, WantPercent));

    /// <summary>Every cycle cover the wants allow, as "item → item received" arrays.</summary>
    private static List<int[]> AllSolutions(WantGraph graph)
    {
        int n = graph.ItemCount;
        var taken = new bool[n];
        var receives = new int[n];
        var found = new List<int[]>();
        void Go(int i)
        {
            if (i == n)
            {
                found.Add((int[])receives.Clone());
                return;
            }
            if (!taken[i])
            {
                taken[i] = true;
                receives[i] = i;
                Go(i + 1);
                taken[i] = false;
            }
            foreach (int w in graph.WantsOf(i))
            {
                if (taken[w]) continue;
                taken[w] = true;
                receives[i] = w;
                Go(i + 1);
                taken[w] = false;
            }
        }
        Go(0);
        return found;
    }

    private static (long Objective, int Users) Score(WantGraph graph, int[] receives)
    {
        long objective = 0;
        var users = new HashSet<int>();
        for (int i = 0; i < graph.ItemCount; i++)
        {
            if (receives[i] == i || graph.IsDummy(i))
            {
                objective += NonTrade;
                continue;
            }
            objective += graph.CostOf(i, receives[i])!.Value;
            users.Add(graph.Owner(i));
        }
        return (objective, users.Count);
    }

    private static int UsersTrading(ClearingResult result) => result.Stats().UsersTrading ?? 0;

    [Fact]
    public void Improvement_keeps_items_and_cost_and_reaches_the_most_users_over_all_optimal_solutions() =>
        Instances.Sample(graph =>
        {
            var plain = new MathTradeSolver(new MathTradeOptions { Ordering = MathTradeOrdering.Plain }).Solve(graph);
            var improved = new MathTradeSolver().Clear(graph);
            var best = AllSolutions(graph).Select(s => Score(graph, s)).OrderBy(s => s.Objective).ThenByDescending(s => s.Users).First();
            return improved.Result.Stats().Trading == plain.Stats().Trading
                && improved.Result.TotalCost == plain.TotalCost
                && UsersTrading(improved.Result) == best.Users
                && improved.Of(FairnessCriterion.UsersTrading) is null or { Proved: true };
        }, iter: 150);

    [Fact]
    public void Users_first_reaches_the_most_users_over_all_solutions() =>
        Instances.Sample(graph =>
        {
            var outcome = new MathTradeSolver(new MathTradeOptions { Ordering = MathTradeOrdering.UsersFirst }).Clear(graph);
            int most = AllSolutions(graph).Max(s => Score(graph, s).Users);
            return UsersTrading(outcome.Result) == most;
        }, iter: 100);

    [Fact]
    public void Explanations_hold_and_suggested_wants_make_the_item_trade()
    {
        var generated = RandomTrades.Generate(2, 5, 8, 3);
        generated.Sample(t =>
        {
            var graph = RandomTrades.Build(t, WantPercent);
            var outcome = new MathTradeSolver().Clear(graph);
            foreach (var untraded in outcome.Untraded)
            {
                int item = untraded.Item;
                if (outcome.Result.Trades(item) || graph.IsDummy(item)) return false;
                bool incoming = Enumerable.Range(0, graph.ItemCount).Any(x => graph.WantsOf(x).Contains(item));
                if (untraded.Reason == UntradedReason.NobodyWantsIt && incoming && Enumerable.Range(0, graph.ItemCount)
                        .Any(x => !graph.IsDummy(x) && graph.WantsOf(x).Contains(item))) return false;
                if (untraded.Reason == UntradedReason.WantsNothing && graph.WantsOf(item).ToArray().Any(w => !graph.IsDummy(w))) return false;
                if (untraded.Suggest is int x)
                {
                    var changed = RandomTrades.Build(t, WantPercent, extra: (item, x));
                    foreach (var ordering in new[] { MathTradeOrdering.Plain, MathTradeOrdering.UsersTrading })
                    {
                        var again = new MathTradeSolver(new MathTradeOptions { Ordering = ordering, Explain = false }).Solve(changed);
                        if (!again.Trades(item)) return false;
                        // Nobody who traded loses: at least as many items trade as before, plus the new loop.
                        if (again.Stats().Trading < outcome.Result.Stats().Trading + untraded.LoopSize) return false;
                    }
                }
            }
            return true;
        }, iter: 200);
    }
}
