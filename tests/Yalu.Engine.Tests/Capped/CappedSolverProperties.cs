using CsCheck;
using Xunit;
using Yalu.Engine.Capped;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests.Capped;

/// <summary>
/// Random pools of up to 14 vertices against the brute-force optimum, for random caps and every
/// formulation, and the invariants of every clearing.
/// </summary>
public sealed class CappedSolverProperties
{
    private static readonly CappedFormulation[] Formulations =
        [CappedFormulation.Auto, CappedFormulation.Picef, CappedFormulation.Routes, CappedFormulation.ColumnGeneration];

    private static CappedResult Solve(WantGraph graph, Pools.Seeds seeds, CappedFormulation formulation) =>
        new CappedSolver(new CappedOptions { MaxCycle = seeds.MaxCycle, MaxChain = seeds.MaxChain, Formulation = formulation }).Solve(graph, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Every_formulation_reaches_the_brute_force_optimum()
    {
        Pools.Random.Sample(seeds =>
        {
            var graph = Pools.FromSeeds(seeds);
            double optimum = BruteForce.Optimum(graph, seeds.MaxCycle, seeds.MaxChain);
            foreach (var formulation in Formulations)
            {
                var result = Solve(graph, seeds, formulation);
                Assert.True(result.Status == ClearingStatus.Optimal, $"{formulation} is not optimal on {seeds}");
                Assert.True(Math.Abs(result.Objective - optimum) < 1e-9, $"{formulation}: {result.Objective}, brute force {optimum}, on {seeds}");
                Assert.Equal(result.Objective, result.Bound);
            }
        }, iter: 150);
    }

    [Fact]
    public void Every_clearing_keeps_the_caps_uses_real_wants_and_moves_each_item_once()
    {
        Pools.Random.Sample(seeds =>
        {
            var graph = Pools.FromSeeds(seeds);
            var result = Solve(graph, seeds, CappedFormulation.Auto);
            var clearing = result.Clearing;
            var seen = new HashSet<int>();
            double total = 0;
            foreach (var loop in clearing.Loops)
            {
                Assert.True(loop.IsLoop);
                Assert.InRange(loop.Size, 2, seeds.MaxCycle);
                for (int i = 0; i < loop.Size; i++)
                {
                    Assert.True(seen.Add(loop.Items[i]), "an item moves twice");
                    Assert.False(graph.IsDonor(loop.Items[i]), "a donor item in a loop");
                    total += WantWeight(graph, loop.Items[i], loop.Items[(i + 1) % loop.Size]);
                }
            }
            foreach (var chain in clearing.Chains)
            {
                Assert.False(chain.IsLoop);
                Assert.InRange(chain.Size - 1, 1, seeds.MaxChain);
                Assert.True(graph.IsDonor(chain.Items[^1]), "a chain ends with its donor's item");
                for (int i = 0; i < chain.Size; i++)
                {
                    Assert.True(seen.Add(chain.Items[i]), "an item moves twice");
                    if (i < chain.Size - 1)
                    {
                        Assert.False(graph.IsDonor(chain.Items[i]), "a donor inside a chain");
                        total += WantWeight(graph, chain.Items[i], chain.Items[i + 1]);
                    }
                }
            }
            Assert.True(Math.Abs(total - result.Objective) < 1e-9, $"objective {result.Objective}, wants given {total}");
        }, iter: 100);
    }

    [Fact]
    public void The_same_pool_and_seed_give_the_same_clearing()
    {
        Pools.Random.Sample(seeds =>
        {
            var graph = Pools.FromSeeds(seeds);
            var first = Solve(graph, seeds, CappedFormulation.ColumnGeneration).Clearing;
            var second = Solve(graph, seeds, CappedFormulation.ColumnGeneration).Clearing;
            Assert.Equal(Flatten(first.Loops), Flatten(second.Loops));
            Assert.Equal(Flatten(first.Chains), Flatten(second.Chains));
        }, iter: 20);
    }

    /// <summary>The weight of the want "the owner of <paramref name="receiver"/> receives <paramref name="given"/>"; fails when there is none.</summary>
    private static double WantWeight(WantGraph graph, int receiver, int given)
    {
        int at = graph.WantsOf(receiver).IndexOf(given);
        Assert.True(at >= 0, $"{graph.ItemName(receiver)} does not want {graph.ItemName(given)}");
        return graph.WeightsOf(receiver)[at];
    }

    private static string Flatten(IReadOnlyList<Exchange> exchanges) =>
        string.Join(";", exchanges.Select(e => string.Join(",", e.Items)));
}
