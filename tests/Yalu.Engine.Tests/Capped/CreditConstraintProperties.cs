using System.Collections.Immutable;
using CsCheck;
using Xunit;
using Yalu.Engine.Capped;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests.Capped;

/// <summary>
/// Capped clearing under credit floors: random small markets (owners, item values, floors) against
/// an exhaustive search that checks the floors from the arcs of every packing.
/// </summary>
public sealed class CreditConstraintProperties
{
    /// <summary>The seeds of a random market with credit.</summary>
    public sealed record Market(int Users, int Pairs, int Donors, int Density, int Seed, int MaxCycle, int MaxChain, bool ValueWeights)
    {
        public override string ToString() =>
            $"users {Users}, pairs {Pairs}, donors {Donors}, density {Density}%, seed {Seed}, k {MaxCycle}, L {MaxChain}, value weights {ValueWeights}";
    }

    private static readonly Gen<Market> Markets =
        from users in Gen.Int[2, 5]
        from pairs in Gen.Int[3, 10]
        from donors in Gen.Int[0, 2]
        from density in Gen.Int[15, 60]
        from seed in Gen.Int
        from maxCycle in Gen.Int[2, 4]
        from maxChain in Gen.Int[0, 3]
        from valueWeights in Gen.Bool
        select new Market(users, pairs, donors, density, seed, maxCycle, maxChain, valueWeights);

    /// <summary>Items owned at random; values 0..60 fen (some equal, so balanced loops exist); floors 0..−40 fen, a third of them 0.</summary>
    private static (WantGraph Graph, CreditConstraint Credit) Build(Market m)
    {
        var random = new Random(m.Seed);
        var builder = new WantGraphBuilder(nonTradeCost: 1_000_000);
        var users = Enumerable.Range(0, m.Users).Select(u => builder.User($"u{u}")).ToArray();
        int n = m.Pairs + m.Donors;
        var values = new long[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = random.Next(4) * 20 + random.Next(3);
            builder.AddItem($"i{i}", $"i{i}", users[random.Next(m.Users)], isDummy: false, isDonor: i >= m.Pairs);
        }
        for (int v = 0; v < m.Pairs; v++)
        {
            for (int u = 0; u < n; u++)
            {
                if (u == v || random.Next(100) >= m.Density) continue;
                builder.AddWant(v, u, cost: 1, weight: m.ValueWeights ? 1 + values[u] / 10 : 1);
            }
        }
        var floors = Enumerable.Range(0, m.Users).Select(_ => random.Next(3) == 0 ? 0L : -random.Next(41)).ToImmutableArray();
        var graph = builder.Build();
        // Now and then one trader's "only one of these two".
        var groups = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        var pair = Enumerable.Range(0, m.Pairs).GroupBy(graph.Owner).FirstOrDefault(g => g.Count() >= 2);
        if (pair is not null && random.Next(2) == 0) groups.Add([.. pair.Take(2)]);
        return (graph, new CreditConstraint([.. values], floors, groups.ToImmutable()));
    }

    private static CappedResult Solve(WantGraph graph, CreditConstraint credit, Market m) =>
        new CappedSolver(new CappedOptions { MaxCycle = m.MaxCycle, MaxChain = m.MaxChain })
            .Solve(graph, credit, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void A_credit_round_never_takes_a_trader_below_their_floor()
    {
        Markets.Sample(m =>
        {
            var (graph, credit) = Build(m);
            var result = Solve(graph, credit, m);
            var net = credit.NetChanges(result.Clearing);
            for (int u = 0; u < net.Length; u++)
                Assert.True(net[u] >= credit.UserFloors[u], $"user {u}: net {net[u]} below floor {credit.UserFloors[u]} on {m}");
            var traded = result.Clearing.Loops.Concat(result.Clearing.Chains).SelectMany(e => e.Items).ToHashSet();
            foreach (var group in credit.Groups)
                Assert.True(group.Count(traded.Contains) <= 1, $"two items of a group trade on {m}");
        }, iter: 200);
    }

    [Fact]
    public void A_credit_round_reaches_the_exhaustive_optimum_under_the_floors()
    {
        Markets.Sample(m =>
        {
            var (graph, credit) = Build(m);
            var result = Solve(graph, credit, m);
            double optimum = BruteForce.Optimum(graph, m.MaxCycle, m.MaxChain, credit);
            Assert.True(result.Status == ClearingStatus.Optimal, $"not proven optimal on {m}");
            Assert.True(Math.Abs(result.Objective - optimum) < 1e-9, $"solver {result.Objective}, exhaustive {optimum}, on {m}");
        }, iter: 200);
    }

    [Fact]
    public void Floors_that_bind_nothing_give_the_unconstrained_optimum()
    {
        Markets.Sample(m =>
        {
            var (graph, tight) = Build(m);
            var loose = new CreditConstraint(tight.ItemValues, [.. tight.UserFloors.Select(_ => -1_000_000L)]);
            double free = BruteForce.Optimum(graph, m.MaxCycle, m.MaxChain);
            // (no groups here, so the plain exhaustive optimum applies)
            Assert.Equal(free, Solve(graph, loose, m).Objective, 9);
        }, iter: 50);
    }

    [Fact]
    public void A_trader_with_no_credit_trades_only_where_they_give_at_least_what_they_get()
    {
        // u0 owns i0 (worth 50), u1 owns i1 (worth 10): the swap costs u0 nothing but u1 40.
        var builder = new WantGraphBuilder(nonTradeCost: 1_000_000);
        int u0 = builder.User("u0"), u1 = builder.User("u1");
        builder.AddItem("i0", "i0", u0, isDummy: false);
        builder.AddItem("i1", "i1", u1, isDummy: false);
        builder.AddWant(0, 1, cost: 1, weight: 1);
        builder.AddWant(1, 0, cost: 1, weight: 1);
        var graph = builder.Build();
        var options = new CappedOptions { MaxCycle = 2 };
        var none = new CreditConstraint([50, 10], [0, 0]);
        Assert.Empty(new CappedSolver(options).Solve(graph, none, cancellationToken: TestContext.Current.CancellationToken).Clearing.Loops);
        var enough = new CreditConstraint([50, 10], [0, -40]);
        Assert.Single(new CappedSolver(options).Solve(graph, enough, cancellationToken: TestContext.Current.CancellationToken).Clearing.Loops);
    }
}
