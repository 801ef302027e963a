using Yalu.Market.Credit;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>
/// Bilateral IOUs, for <c>/api/ious</c> and the IOU pages alike: the creditor proposes (debtor's
/// handle, amount, memo), the debtor accepts — the IOU is then posted to the ledger in the same
/// transaction — and either party may decline it while proposed. Only the two parties see an IOU.
/// The memo is stored for them and never logged. Thread-safe.
/// </summary>
public sealed class IouService(IMarketStore store, TimeProvider clock)
{
    /// <summary><paramref name="creditor"/> proposes <paramref name="draft"/>; invalid fields <c>debtor</c>, <c>amount</c>, <c>memo</c>, all at once.</summary>
    public async Task<Outcome<Iou>> ProposeAsync(TraderId creditor, IouDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        Trader? debtor = null;
        if (string.IsNullOrWhiteSpace(draft.Debtor)) errors.Add(new("debtor", UseCaseCodes.Required, "the debtor's handle is required"));
        else if (Handle.Create(draft.Debtor.Trim()) is not { IsOk: true } handle || (debtor = await store.FindTraderAsync(handle.Value, cancellationToken)) is null)
            errors.Add(new("debtor", UseCaseCodes.TraderNotFound, $"there is no trader '{draft.Debtor}'"));
        else if (debtor.Id == creditor) errors.Add(new("debtor", ErrorCodes.IouWithSelf, "nobody owes themselves"));
        var amount = Money.Zero;
        if (string.IsNullOrWhiteSpace(draft.Amount)) errors.Add(new("amount", UseCaseCodes.Required, "an amount is required, e.g. 12.50"));
        else if (!Money.TryParse(draft.Amount.Trim(), out amount)) errors.Add(new("amount", ErrorCodes.InvalidMoney, $"'{draft.Amount}' is not an amount like 12.50"));
        else if (amount <= Money.Zero) errors.Add(new("amount", ErrorCodes.InvalidIouAmount, "an IOU is for a positive amount"));
        if ((draft.Memo?.Trim().Length ?? 0) > Iou.MaxMemoLength)
            errors.Add(new("memo", ErrorCodes.MemoTooLong, $"a memo is at most {Iou.MaxMemoLength} characters"));
        if (errors.Count > 0) return Outcome.Invalid<Iou>(errors);

        var proposed = Iou.Propose(creditor, debtor!.Id, amount, draft.Memo, clock);
        if (!proposed.IsOk) return Outcome.Fail<Iou>(proposed.Error);
        return Outcome.From(await store.AddIouAsync(proposed.Value, creditor, cancellationToken));
    }

    /// <summary>The debtor accepts; the IOU goes on the ledger (creditor credited, debtor debited) in the same transaction.</summary>
    public Task<Outcome<Iou>> AcceptAsync(TraderId trader, string? iouId, CancellationToken cancellationToken = default) =>
        ChangeAsync(trader, iouId, iou => iou.Accept(trader), accepted: true, cancellationToken);

    /// <summary>Either party declines a proposed IOU.</summary>
    public Task<Outcome<Iou>> DeclineAsync(TraderId trader, string? iouId, CancellationToken cancellationToken = default) =>
        ChangeAsync(trader, iouId, iou => iou.Decline(trader), accepted: false, cancellationToken);

    /// <summary>The IOUs of <paramref name="trader"/>, newest first.</summary>
    public Task<IReadOnlyList<Iou>> ListAsync(TraderId trader, CancellationToken cancellationToken = default) =>
        store.ListIousAsync(trader, null, cancellationToken);

    /// <summary>One IOU of <paramref name="trader"/>'s, or <see cref="UseCaseCodes.IouNotFound"/> (also for an IOU between others).</summary>
    public async Task<Outcome<Iou>> GetAsync(TraderId trader, string? iouId, CancellationToken cancellationToken = default)
    {
        var iou = IouId.TryParse(iouId, out var id) ? await store.GetIouAsync(id, cancellationToken) : null;
        return iou is not null && iou.Involves(trader)
            ? Outcome.Ok(iou)
            : Outcome.Fail<Iou>(UseCaseCodes.IouNotFound, $"there is no IOU '{iouId}' of yours");
    }

    private async Task<Outcome<Iou>> ChangeAsync(TraderId trader, string? iouId, Func<Iou, Result<Iou>> change, bool accepted, CancellationToken cancellationToken)
    {
        var found = await GetAsync(trader, iouId, cancellationToken);
        if (!found.IsOk) return found;
        var next = change(found.Value);
        if (!next.IsOk) return Outcome.Fail<Iou>(next.Error);
        var entry = accepted ? next.Value.AcceptanceEntry() : null;
        return Outcome.From(await store.UpdateIouAsync(next.Value, entry, trader, cancellationToken));
    }
}
