using CsCheck;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests.Capped;

/// <summary>
/// Small exchange pools for capped clearing, written as compatibility arcs "u→v" (u's item can go to
/// v's owner, i.e. v wants u) between pairs p0, p1, … and donors d0, d1, ….
/// </summary>
internal static class Pools
{
    /// <summary>A pool: <paramref name="pairs"/> pairs, <paramref name="donors"/> donors, arcs (from, to, weight) over indices pairs first.</summary>
    public static WantGraph Build(int pairs, int donors, params (int From, int To, double Weight)[] arcs)
    {
        var builder = new WantGraphBuilder(nonTradeCost: 1_000_000);
        for (int p = 0; p < pairs; p++) builder.AddItem($"p{p}", $"p{p}", -1, isDummy: false);
        for (int d = 0; d < donors; d++) builder.AddItem($"d{d}", $"d{d}", -1, isDummy: false, isDonor: true);
        foreach (var (from, to, weight) in arcs) builder.AddWant(to, from, cost: 1, weight);
        return builder.Build();
    }

    /// <summary>A pool with unit weights, arcs written as "0>1 1>0 4>2" (indices, pairs first).</summary>
    public static WantGraph Parse(int pairs, int donors, string arcs) =>
        Build(pairs, donors, [.. arcs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a =>
        {
            var ends = a.Split('>');
            return (int.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(ends[1], System.Globalization.CultureInfo.InvariantCulture), 1.0);
        })]);

    /// <summary>The seeds of a random pool; <see cref="FromSeeds"/> builds it.</summary>
    public sealed record Seeds(int Pairs, int Donors, int Density, bool Weighted, int Seed, int MaxCycle, int MaxChain)
    {
        public override string ToString() =>
            $"pairs {Pairs}, donors {Donors}, density {Density}%, weighted {Weighted}, seed {Seed}, k {MaxCycle}, L {MaxChain}";
    }

    /// <summary>Up to 14 vertices (at most 4 donors), arc density 10–60 %, unit or small integer weights, caps k ∈ 2…4, L ∈ 0…4.</summary>
    public static readonly Gen<Seeds> Random =
        from pairs in Gen.Int[2, 12]
        from donors in Gen.Int[0, Math.Min(4, 14 - pairs)]
        from density in Gen.Int[10, 60]
        from weighted in Gen.Bool
        from seed in Gen.Int
        from maxCycle in Gen.Int[2, 4]
        from maxChain in Gen.Int[0, 4]
        select new Seeds(pairs, donors, density, weighted, seed, maxCycle, maxChain);

    public static WantGraph FromSeeds(Seeds seeds)
    {
        var random = new Random(seeds.Seed);
        int n = seeds.Pairs + seeds.Donors;
        var arcs = new List<(int, int, double)>();
        for (int u = 0; u < n; u++)
        {
            for (int v = 0; v < seeds.Pairs; v++)
            {
                if (u == v || random.Next(100) >= seeds.Density) continue;
                arcs.Add((u, v, seeds.Weighted ? random.Next(1, 5) : 1));
            }
        }
        return Build(seeds.Pairs, seeds.Donors, [.. arcs]);
    }
}
