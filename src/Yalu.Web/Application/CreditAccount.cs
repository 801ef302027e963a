using Yalu.Market.Credit;
using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>A trader's credit page: balance (negative: owes the market), limit, newest entries and IOUs.</summary>
/// <param name="Trader">The trader.</param>
/// <param name="Balance">Credited minus debited, from the ledger.</param>
/// <param name="Entries">The newest entries that touch the trader, newest first.</param>
/// <param name="Ious">The trader's IOUs, as creditor or debtor, newest first.</param>
/// <param name="Handles">Handles of every trader an entry or IOU names, by id.</param>
public sealed record CreditAccount(Trader Trader, Money Balance, IReadOnlyList<PostedEntry> Entries, IReadOnlyList<Iou> Ious, IReadOnlyDictionary<TraderId, string> Handles)
{
    /// <summary>The handle of <paramref name="account"/>, or "pool" for the market's pool.</summary>
    public string NameOf(TraderId? account) => account is { } t ? Handles.GetValueOrDefault(t, t.ToString()) : "pool";

    /// <summary>The set-off entries: what set-off runs cancelled of the trader's IOUs.</summary>
    public IEnumerable<PostedEntry> Cancelled => Entries.Where(e => e.Entry.Kind == LedgerEntryKind.Setoff);
}
