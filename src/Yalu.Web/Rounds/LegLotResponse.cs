using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Web.Rounds;

/// <summary>The lot a leg hands over (no note: notes stay with the lot).</summary>
/// <param name="Id">The lot id.</param>
/// <param name="Good">The good's code.</param>
/// <param name="Name">The good's name in the reader's language.</param>
/// <param name="Quantity">How much.</param>
/// <param name="Unit">In what unit.</param>
/// <param name="Value">Estimated value, CNY.</param>
public sealed record LegLotResponse(string Id, string Good, string Name, decimal Quantity, string Unit, string Value)
{
    /// <summary>The response for <paramref name="lot"/>, named in <paramref name="language"/>.</summary>
    public static LegLotResponse From(Lot lot, MarketCatalog catalog, Language language)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(catalog);
        return new(lot.Id.ToString(), lot.Good.Value, catalog.Find(lot.Good)?.Name(language) ?? lot.Good.Value, lot.Quantity.Amount,
            lot.Quantity.Unit.Value, lot.Value.ToString());
    }
}
