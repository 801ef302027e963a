using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Web.Lots;

/// <summary>A lot as the API shows it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Owner">The owner's handle.</param>
/// <param name="Side">The owner's side.</param>
/// <param name="Good">The good's code.</param>
/// <param name="Category">The good's category.</param>
/// <param name="Quantity">How much.</param>
/// <param name="Unit">In what unit.</param>
/// <param name="Value">Estimated value, CNY.</param>
/// <param name="Note">The owner's note.</param>
/// <param name="Donor">Given without anything asked back.</param>
/// <param name="State">open, matched, handed_over, withdrawn or expired.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="Version">The concurrency version (send it back with an edit).</param>
public sealed record LotResponse(
    string Id, string Owner, string Side, string Good, string Category, decimal Quantity, string Unit, string Value, string Note,
    bool Donor, string State, DateTimeOffset CreatedAt, long Version)
{
    /// <summary>The response for <paramref name="lot"/> of <paramref name="owner"/>.</summary>
    public static LotResponse From(Lot lot, Trader? owner, MarketCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(catalog);
        return new(lot.Id.ToString(), owner?.Handle.Value ?? "", owner is null ? "" : Wire.Of(owner.Side), lot.Good.Value,
            catalog.Find(lot.Good)?.Category.Value ?? "", lot.Quantity.Amount, lot.Quantity.Unit.Value, lot.Value.ToString(), lot.Note,
            lot.IsDonor, Wire.Of(lot.State), lot.CreatedAt, lot.Version);
    }
}
