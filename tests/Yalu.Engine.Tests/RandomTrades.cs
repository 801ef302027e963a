using CsCheck;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests;

/// <summary>
/// Random small math trades built under TradeMaximizer's rules: users own items, some items are
/// dummies, wants for dummies stay with their owner, nobody wants their own real item, and a
/// dummy's wants cost the non-trade cost.
/// </summary>
internal static class RandomTrades
{
    public const long NonTrade = 1000;

    /// <summary>The seeds of one instance; <see cref="Build"/> turns them into a graph.</summary>
    public sealed record Seeds(int Users, int[] Owners, int[] DummyFlags, int[] WantSeeds, int[] Costs);

    /// <summary>Between <paramref name="minUsers"/> and <paramref name="maxUsers"/> users, up to <paramref name="maxItems"/> items, costs up to <paramref name="maxCost"/>.</summary>
    public static Gen<Seeds> Generate(int minUsers, int maxUsers, int maxItems, int maxCost) =>
        from users in Gen.Int[minUsers, maxUsers]
        from itemCount in Gen.Int[2, maxItems]
        from owners in Gen.Int[0, users - 1].Array[itemCount]
        from dummyFlags in Gen.Int[0, 4].Array[itemCount]
        from wantSeeds in Gen.Int[0, 99].Array[itemCount * itemCount]
        from costs in Gen.Int[1, maxCost].Array[itemCount * itemCount]
        select new Seeds(users, owners, dummyFlags, wantSeeds, costs);

    /// <summary>
    /// The graph of <paramref name="seeds"/>; <paramref name="extra"/>, when given, is one more want
    /// (added whatever its seed, at cost 4: the end of a short list).
    /// </summary>
    public static WantGraph Build(Seeds seeds, int wantPercent, (int From, int To)? extra = null)
    {
        int n = seeds.Owners.Length;
        var builder = new WantGraphBuilder(NonTrade);
        for (int u = 0; u < seeds.Users; u++) builder.User($"u{u}");
        var dummy = new bool[n];
        for (int i = 0; i < n; i++)
        {
            dummy[i] = seeds.DummyFlags[i] == 0 && i > 0;
            builder.AddItem(dummy[i] ? $"%d{i}" : $"i{i}", "", seeds.Owners[i], dummy[i]);
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool added = extra is { } e && e.From == i && e.To == j;
                if (i == j || (seeds.WantSeeds[i * n + j] >= wantPercent && !added)) continue;
                bool sameOwner = seeds.Owners[i] == seeds.Owners[j];
                if (dummy[j] && !sameOwner) continue;
                if (!dummy[j] && sameOwner) continue;
                builder.AddWant(i, j, dummy[i] ? NonTrade : added ? 4 : seeds.Costs[i * n + j]);
            }
        }
        return builder.Build();
    }
}
