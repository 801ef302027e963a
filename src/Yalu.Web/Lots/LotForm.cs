using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Web.Traders;

namespace Yalu.Web.Lots;

/// <summary>
/// The checks of a new lot, shared by <c>POST /api/lots</c> and the post-a-lot page so both refuse
/// the same input with the same codes: the good must be in the catalog, the quantity valid in the
/// good's unit, the value a non-negative CNY amount, the note at most <see cref="Lot.MaxNoteLength"/>.
/// </summary>
internal static class LotForm
{
    /// <summary>The code of a good the catalog does not have.</summary>
    public const string GoodNotFound = "good-not-found";

    /// <summary>The code of a missing field.</summary>
    public const string Required = "required";

    /// <summary>A checked new lot.</summary>
    public sealed record Checked(Good Good, Quantity Quantity, Money Value);

    /// <summary>Checks the fields; every invalid one is reported.</summary>
    public static (Checked? Lot, List<FieldError> Errors) Validate(string? goodText, decimal? amount, string? valueText, string? note, MarketCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<FieldError>();
        Good? good = GoodId.TryParse(goodText, out var goodId) ? catalog.Find(goodId) : null;
        if (good is null) errors.Add(new FieldError("good", GoodNotFound, $"the catalog has no good '{goodText}'"));
        Quantity quantity = default;
        if (amount is not { } given) errors.Add(new FieldError("quantity", Required, "a quantity is required"));
        else if (good is not null)
        {
            var q = Quantity.Create(given, good.Unit);
            if (q.IsOk) quantity = q.Value;
            else errors.Add(new FieldError("quantity", q.Error.Code, q.Error.Message));
        }
        if (!Money.TryParse(valueText, out var value) || value < Money.Zero)
            errors.Add(new FieldError("value", ErrorCodes.InvalidMoney, "a value is an amount in CNY like 12.50, not negative"));
        if ((note?.Length ?? 0) > Lot.MaxNoteLength)
            errors.Add(new FieldError("note", ErrorCodes.NoteTooLong, $"a note has at most {Lot.MaxNoteLength} characters"));
        return errors.Count > 0 ? (null, errors) : (new Checked(good!, quantity, value), errors);
    }
}
