using Yalu.Market.Credit;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>The credit side of the store: limits, the ledger, IOUs and set-off runs (docs/credit.md).</summary>
public partial interface IMarketStore
{
    /// <summary>Sets a trader's credit limit (a keeper's decision), with a <c>credit.limit-set</c> event; <see cref="ErrorCodes.ConcurrencyConflict"/> when there is no such trader.</summary>
    Task<Result<Trader>> SetCreditLimitAsync(TraderId trader, Money limit, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>Every account's balance, summed from the ledger in the database.</summary>
    Task<LedgerBalances> GetBalancesAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="max"/> ledger entries, newest first: those of <paramref name="trader"/>, or all when null.</summary>
    Task<IReadOnlyList<PostedEntry>> ListLedgerAsync(TraderId? trader, int max, CancellationToken cancellationToken = default);

    /// <summary>Adds a proposed IOU at version 1 (event <c>iou.proposed</c>, without the memo).</summary>
    Task<Result<Iou>> AddIouAsync(Iou iou, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an IOU's new state if nobody changed it since it was read (its version), and posts
    /// <paramref name="entry"/> (an acceptance) in the same transaction; otherwise
    /// <see cref="ErrorCodes.ConcurrencyConflict"/> and nothing is written.
    /// </summary>
    Task<Result<Iou>> UpdateIouAsync(Iou iou, LedgerEntry? entry, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The IOU, or null.</summary>
    Task<Iou?> GetIouAsync(IouId id, CancellationToken cancellationToken = default);

    /// <summary>IOUs of <paramref name="trader"/> (as creditor or debtor; all when null), optionally in one state, newest first.</summary>
    Task<IReadOnlyList<Iou>> ListIousAsync(TraderId? trader, IouState? state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts a set-off run atomically: the run, every reduced IOU (each only at its read version,
    /// else <see cref="ErrorCodes.ConcurrencyConflict"/> and nothing is written) and every entry, with
    /// one <c>setoff.posted</c> event; durable when this returns.
    /// </summary>
    Task<Result<SetoffRun>> PostSetoffAsync(SetoffRun run, IReadOnlyList<Iou> reduced, IReadOnlyList<LedgerEntry> entries, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="max"/> set-off runs, newest first.</summary>
    Task<IReadOnlyList<SetoffRun>> ListSetoffRunsAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Every leg of every round that still has a pending leg (what a credit round counts as already promised).</summary>
    Task<IReadOnlyList<Leg>> ListLegsOfPendingRoundsAsync(CancellationToken cancellationToken = default);
}
