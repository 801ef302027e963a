using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Rounds;

/// <summary>
/// What the round endpoints read to show legs: the catalog, traders and lots by id. A chain is told
/// from a loop by its donor lot (every chain ends with one; a donor lot wants nothing, so it is never
/// in a loop), which the store need not record.
/// </summary>
internal sealed class RoundView
{
    private RoundView(MarketCatalog catalog, Dictionary<TraderId, Trader> traders, Dictionary<LotId, Lot> lots)
    {
        Catalog = catalog;
        Traders = traders;
        Lots = lots;
    }

    public MarketCatalog Catalog { get; }

    public Dictionary<TraderId, Trader> Traders { get; }

    public Dictionary<LotId, Lot> Lots { get; }

    public static async Task<RoundView> LoadAsync(IMarketStore store, CancellationToken cancellationToken) => new(
        await store.GetCatalogAsync(cancellationToken),
        (await store.ListTradersAsync(cancellationToken)).ToDictionary(t => t.Id),
        (await store.ListLotsAsync(null, cancellationToken)).ToDictionary(l => l.Id));

    public string Handle(TraderId id) => Traders.TryGetValue(id, out var t) ? t.Handle.Value : "";

    public TraderRefResponse Ref(TraderId id) =>
        Traders.TryGetValue(id, out var t) ? new(t.Handle.Value, Wire.Of(t.Side)) : new("", "");

    public LegLotResponse Lot(LotId id, Language language) => LegLotResponse.From(Lots[id], Catalog, language);

    public LegResponse Leg(Leg leg, Language language) => new(
        leg.Id.ToString(), leg.Round.ToString(), leg.Exchange, leg.Position, Handle(leg.Giver), Handle(leg.Receiver),
        Lot(leg.Lot, language), RoundWire.Of(leg.State), HandoverCode.Of(leg.Id));

    /// <summary>The exchange indexes of <paramref name="legs"/> that are loops.</summary>
    public HashSet<int> Loops(IEnumerable<Leg> legs) =>
        [.. legs.GroupBy(l => l.Exchange).Where(g => !g.Any(l => Lots.TryGetValue(l.Lot, out var lot) && lot.IsDonor)).Select(g => g.Key)];
}
