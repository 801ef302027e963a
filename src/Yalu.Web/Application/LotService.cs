using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>
/// A trader's lots, for <c>/api/lots</c> and the lot pages alike: post (the good must be in the
/// catalog, the quantity valid in the good's unit, the value a non-negative CNY amount, the note at
/// most <see cref="Lot.MaxNoteLength"/>), edit and withdraw an open lot of one's own. Thread-safe.
/// </summary>
public sealed class LotService(IMarketStore store, TimeProvider clock)
{
    /// <summary>Checks <paramref name="draft"/> (every invalid field at once) and stores it as <paramref name="owner"/>'s open lot.</summary>
    public async Task<Outcome<Lot>> PostAsync(TraderId owner, LotDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var errors = new List<FieldError>();
        Good? good = GoodId.TryParse(draft.Good, out var goodId) ? catalog.Find(goodId) : null;
        if (good is null) errors.Add(new("good", UseCaseCodes.GoodNotFound, $"the catalog has no good '{draft.Good}'"));
        Quantity quantity = default;
        if (draft.Quantity is not { } amount) errors.Add(new("quantity", UseCaseCodes.Required, "a quantity is required"));
        else if (good is not null)
        {
            var q = Quantity.Create(amount, good.Unit);
            if (q.IsOk) quantity = q.Value;
            else errors.Add(new("quantity", q.Error.Code, q.Error.Message));
        }
        var value = CheckValue(draft.Value?.Trim(), Money.Zero, errors);
        CheckNote(draft.Note, errors);
        if (errors.Count > 0) return Outcome.Invalid<Lot>(errors);

        var posted = Lot.Post(owner, good!.Id, quantity, draft.Note, value, draft.Donor, null, clock);
        if (!posted.IsOk) return Outcome.Fail<Lot>(posted.Error);
        return Outcome.Ok(await store.AddLotAsync(posted.Value, owner, cancellationToken));
    }

    /// <summary>Changes an open lot of <paramref name="owner"/>'s; a stale <see cref="LotEdit.Version"/> is <see cref="ErrorCodes.ConcurrencyConflict"/>.</summary>
    public async Task<Outcome<Lot>> EditAsync(TraderId owner, string lotId, LotEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var mine = await FindMineAsync(owner, lotId, cancellationToken);
        if (!mine.IsOk) return mine;
        var lot = mine.Value;
        if (edit.Version is { } version && version != lot.Version)
            return Outcome.Fail<Lot>(ErrorCodes.ConcurrencyConflict, $"lot {lotId} is at version {lot.Version}, not {version}; read it again");

        var errors = new List<FieldError>();
        var quantity = lot.Quantity;
        if (edit.Quantity is { } amount)
        {
            var q = Quantity.Create(amount, lot.Quantity.Unit);
            if (q.IsOk) quantity = q.Value;
            else errors.Add(new("quantity", q.Error.Code, q.Error.Message));
        }
        var value = edit.Value is null ? lot.Value : CheckValue(edit.Value, lot.Value, errors);
        CheckNote(edit.Note, errors);
        if (errors.Count > 0) return Outcome.Invalid<Lot>(errors);

        var edited = lot.Edit(quantity, edit.Note ?? lot.Note, value);
        if (!edited.IsOk) return Outcome.Fail<Lot>(edited.Error);
        return Outcome.From(await store.UpdateLotAsync(edited.Value, owner, cancellationToken));
    }

    /// <summary>Withdraws an open lot of <paramref name="owner"/>'s.</summary>
    public async Task<Outcome<Lot>> WithdrawAsync(TraderId owner, string lotId, CancellationToken cancellationToken = default)
    {
        var mine = await FindMineAsync(owner, lotId, cancellationToken);
        if (!mine.IsOk) return mine;
        var withdrawn = mine.Value.Withdraw();
        if (!withdrawn.IsOk) return Outcome.Fail<Lot>(withdrawn.Error);
        return Outcome.From(await store.UpdateLotAsync(withdrawn.Value, owner, cancellationToken));
    }

    /// <summary><paramref name="owner"/>'s lot <paramref name="lotId"/>: <see cref="UseCaseCodes.LotNotFound"/> when there is none, <see cref="ErrorCodes.NotYourLot"/> when it is another trader's.</summary>
    public async Task<Outcome<Lot>> FindMineAsync(TraderId owner, string? lotId, CancellationToken cancellationToken = default)
    {
        var lot = LotId.TryParse(lotId, out var id) ? await store.GetLotAsync(id, cancellationToken) : null;
        if (lot is null) return Outcome.Fail<Lot>(UseCaseCodes.LotNotFound, $"there is no lot '{lotId}'");
        if (lot.Owner != owner) return Outcome.Fail<Lot>(ErrorCodes.NotYourLot, $"lot {lotId} belongs to another trader");
        return Outcome.Ok(lot);
    }

    /// <summary>A lot's value as typed: a non-negative CNY amount, else an error on <c>value</c> and <paramref name="fallback"/>.</summary>
    private static Money CheckValue(string? text, Money fallback, List<FieldError> errors)
    {
        if (Money.TryParse(text, out var value) && value >= Money.Zero) return value;
        errors.Add(new("value", ErrorCodes.InvalidMoney, "a value is an amount in CNY like 12.50, not negative"));
        return fallback;
    }

    /// <summary>A note of at most <see cref="Lot.MaxNoteLength"/> characters, else an error on <c>note</c>.</summary>
    private static void CheckNote(string? note, List<FieldError> errors)
    {
        if ((note?.Length ?? 0) > Lot.MaxNoteLength) errors.Add(new("note", ErrorCodes.NoteTooLong, $"a note has at most {Lot.MaxNoteLength} characters"));
    }

    /// <summary>Every lot of <paramref name="owner"/>'s, in every state.</summary>
    public async Task<IReadOnlyList<Lot>> MineAsync(TraderId owner, CancellationToken cancellationToken = default) =>
        [.. (await store.ListLotsAsync(null, cancellationToken)).Where(l => l.Owner == owner)];
}
