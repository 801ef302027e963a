using System.Globalization;
using System.Security.Cryptography;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Security;

namespace Yalu.Web.Demo;

/// <summary>
/// Seeds a fresh database: Yalu's demo catalog (the goods of the Hyesan and Changbai markets with
/// names in en/ko/zh, units and price ranges, from Demo/catalog.tsv), a keeper account with a
/// random pass phrase, and, unless told otherwise, a few dozen pseudonymous traders on both banks
/// with lots and want lists that let a round trade at once. Demo traders have no pass phrase (nobody
/// can log in as them). Deterministic for a seed, except the keeper's pass phrase.
/// </summary>
public static class DemoMarket
{
    /// <summary>The keeper account's handle.</summary>
    public const string KeeperHandle = "keeper";

    private static readonly string[] Pseudonyms =
    [
        "pine-marten", "river-otter", "red-fox", "snow-hare", "grey-heron", "black-kite", "wild-boar", "roe-deer",
        "sable", "amur-cat", "tree-frog", "ice-trout", "mandarin-duck", "silver-birch", "larch", "korean-pine",
        "azalea", "magpie", "crane", "badger", "lynx", "mink", "owl", "jay",
        "물총새", "다람쥐", "두루미", "진달래", "소나무", "백두산", "松鼠", "白鹤", "红松", "杜鹃", "长白", "鸭绿",
    ];

    /// <summary>The demo catalog shipped in this assembly.</summary>
    public static IReadOnlyList<Good> Catalog()
    {
        using var stream = typeof(DemoMarket).Assembly.GetManifestResourceStream("Yalu.Web.Demo.catalog.tsv")
            ?? throw new InvalidOperationException("the demo catalog resource is missing");
        using var reader = new StreamReader(stream);
        var goods = new List<Good>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            goods.Add(new Good(GoodId.Parse(f[0]), CategoryId.Parse(f[1]), f[5], f[6], f[7], UnitCode.Parse(f[2]), Money.Parse(f[3]), Money.Parse(f[4])));
        }
        return goods;
    }

    /// <summary>
    /// Seeds the store when it has no trader yet; returns what it added, or null when the database
    /// was not fresh. With <paramref name="withTraders"/> false only the catalog and the keeper are added.
    /// With <paramref name="onlySide"/>, only the demo traders of that bank are added (a node of one bank,
    /// <c>yalu node init --side … --demo</c>): their want lists name lots of their own bank, and their
    /// rules reach the other bank's lots once a bundle brings them; the keeper is on that bank too.
    /// </summary>
    public static async Task<DemoSeed?> SeedIfFreshAsync(
        IMarketStore store, PassphraseHasher hasher, TimeProvider clock, bool withTraders, int seed = 2026, Side? onlySide = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(clock);
        if ((await store.ListTradersAsync(cancellationToken)).Count > 0) return null;

        var goods = Catalog();
        if ((await store.GetCatalogAsync(cancellationToken)).Goods.Length == 0) await store.UpsertGoodsAsync(goods, null, cancellationToken);
        var catalog = await store.GetCatalogAsync(cancellationToken);

        var keeper = new Trader(TraderId.New(clock), Handle.Parse(KeeperHandle), onlySide ?? Side.Hyesan, Language.Ko, Role.Keeper, Money.Zero, clock.GetUtcNow());
        keeper = (await store.AddTraderAsync(keeper, null, cancellationToken)).Value;
        string phrase = NewPassPhrase();
        await store.SetCredentialAsync(keeper.Id, hasher.Hash(phrase), null, cancellationToken);
        if (!withTraders) return new DemoSeed(KeeperHandle, phrase, catalog.Goods.Length, 0, 0);

#pragma warning disable CA5394 // Demo data only: a seeded, reproducible generator is the point.
        var random = new Random(seed);
        var traders = new List<Trader>();
        for (int i = 0; i < Pseudonyms.Length; i++)
        {
            var side = i % 2 == 0 ? Side.Hyesan : Side.Changbai;
            if (onlySide is { } only && side != only) continue;
            var language = (Language)(i % 3);
            var trader = Trader.Register(Handle.Parse(Pseudonyms[i]), side, language, clock);
            traders.Add((await store.AddTraderAsync(trader, null, cancellationToken)).Value);
        }

        var lots = new List<Lot>();
        foreach (var trader in traders)
        {
            for (int k = 0; k < 2; k++)
            {
                var good = catalog.Goods[random.Next(catalog.Goods.Length)];
                decimal amount = Amount(good.Unit.Value, random);
                long perUnit = good.PriceLow.Fen + (long)(random.NextDouble() * (good.PriceHigh.Fen - good.PriceLow.Fen));
                var value = new Money((long)decimal.Round(perUnit * amount, 0, MidpointRounding.AwayFromZero));
                var lot = Lot.Post(trader.Id, good.Id, Quantity.Create(amount, good.Unit).Value, "", value, false, null, clock).Value;
                lots.Add(await store.AddLotAsync(lot, trader.Id, cancellationToken));
            }
        }

        // Each lot wants a few lots of traders on the other bank and one rule, so loops exist at once.
        var byId = lots.ToDictionary(l => l.Id);
        var side0 = traders.ToDictionary(t => t.Id, t => t.Side);
        foreach (var lot in lots)
        {
            var others = lots.Where(o => o.Owner != lot.Owner && (onlySide is not null || side0[o.Owner] != side0[lot.Owner])).ToList();
            var entries = new List<WantEntry>();
            foreach (var pick in others.OrderBy(_ => random.Next()).Take(3)) entries.Add(WantEntry.ForLot(pick.Id));
            var rule = catalog.Goods[random.Next(catalog.Goods.Length)];
            entries.Add(WantEntry.ForCategory(rule.Category, 80).Value);
            var wants = WantList.Create(lot.Owner, lot, entries, id => byId.GetValueOrDefault(id), catalog);
            if (wants.IsOk) await store.SetWantListAsync(wants.Value, lot.Owner, cancellationToken);
        }
#pragma warning restore CA5394
        return new DemoSeed(KeeperHandle, phrase, catalog.Goods.Length, traders.Count, lots.Count);
    }

    /// <summary>A random pass phrase of 20 characters from a 32-letter alphabet (100 bits), in groups of five.</summary>
    public static string NewPassPhrase()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var chars = new char[20];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        var text = new string(chars);
        return string.Join('-', Enumerable.Range(0, 4).Select(g => text.Substring(g * 5, 5)));
    }

    private static decimal Amount(string unit, Random random) => unit switch
    {
        "kg" => random.Next(1, 21) / 2m,
        "each" => random.Next(10, 31),
        "day" => random.Next(1, 6),
        "dozen" or "geun_600g" or "metre" => random.Next(1, 6),
        _ => random.Next(1, 3),
    };

    internal static string Describe(DemoSeed seed) => string.Create(CultureInfo.InvariantCulture,
        $"{seed.Goods} goods, {seed.Traders} demo traders, {seed.Lots} lots with want lists");
}
