using Microsoft.Extensions.Options;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>
/// The price board for <c>GET /api/prices</c>, the public prices page and the keeper's chart alike:
/// the median realised value per good over the confirmed legs of the window
/// (<see cref="YaluWebOptions.PriceBoardWindow"/>), per lot and per unit, day by day, with the rate in
/// effect today. Medians take the lower middle of an even count: a value that was really paid. Beside
/// them, the other bank's prices from the newest bulletin imported from it
/// (<see cref="BulletinService.ImportAsync"/>), named from this node's catalog. Thread-safe.
/// </summary>
public sealed class PriceBoardService(IMarketStore store, IWebStateStore legs, INodeSync node, TimeProvider clock, IOptions<YaluWebOptions> options)
{
    /// <summary>The board as of now.</summary>
    public async Task<PriceBoard> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var since = now - options.Value.PriceBoardWindow;
        var rate = KpwRate.InEffect(await store.ListRatesAsync(cancellationToken), DateOnly.FromDateTime(now.UtcDateTime));
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var rows = new List<PriceBoardRow>();
        foreach (var byGood in (await legs.ListRealisedLegsAsync(since, cancellationToken)).GroupBy(l => l.Good).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            if (catalog.Find(byGood.Key) is not { } good) continue;
            var days = byGood.GroupBy(l => DateOnly.FromDateTime(l.At.UtcDateTime)).OrderBy(d => d.Key)
                .Select(d => new PricePoint(d.Key, Median(d.Select(PerUnit)))).ToList();
            rows.Add(new PriceBoardRow(good, byGood.Count(), Median(byGood.Select(l => l.Value)), Median(byGood.Select(PerUnit)), byGood.Max(l => l.At), days));
        }
        return new PriceBoard(since, rate, rows, await OtherBankAsync(catalog, cancellationToken));
    }

    /// <summary>The other bank's market, seen from this node (whose own is the side of its stored identity).</summary>
    public Side OtherMarket => Wire.SideOf(node.Card) == Side.Hyesan ? Side.Changbai : Side.Hyesan;

    private async Task<OtherBankPrices?> OtherBankAsync(Market.Catalog.MarketCatalog catalog, CancellationToken cancellationToken)
    {
        if (await store.GetLatestBulletinAsync(OtherMarket, cancellationToken) is not { } imported) return null;
        var b = imported.Bulletin;
        return new OtherBankPrices(b.Market, b.Date, b.KpwPerCny, imported.ImportedAt,
            [.. b.Lines.Select(l => new OtherBankPrice(l.Good, catalog.Find(l.Good), l.MedianPerUnit, l.Legs))]);
    }

    /// <summary>The value of one unit of a leg's lot, to the fen.</summary>
    private static Money PerUnit(RealisedLeg leg) => new((long)decimal.Round(leg.Value.Fen / leg.Quantity.Amount, 0, MidpointRounding.AwayFromZero));

    /// <summary>The median of a non-empty sequence (the lower middle for an even count).</summary>
    internal static Money Median(IEnumerable<Money> values)
    {
        var sorted = values.Select(v => v.Fen).Order().ToList();
        return new Money(sorted[(sorted.Count - 1) / 2]);
    }
}
