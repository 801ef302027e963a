using Yalu.Market.Trading;

namespace Yalu.Market.Credit;

/// <summary>
/// A bilateral IOU in fen: <see cref="Debtor"/> owes <see cref="Creditor"/> <see cref="Amount"/>.
/// The creditor proposes it, the debtor accepts (it is then posted to the ledger), either declines
/// it while proposed; set-off runs reduce <see cref="Remaining"/>, and at zero it is settled. The
/// memo is the parties' own words: shown to them, never logged or put in an event. Immutable:
/// transitions return a new IOU or an error with a stable code.
/// </summary>
public sealed record Iou
{
    /// <summary>The longest memo, in UTF-16 code units.</summary>
    public const int MaxMemoLength = 200;

    /// <summary>Rebuilds an IOU (from a store); throws on values no transition can produce.</summary>
    public Iou(IouId id, TraderId creditor, TraderId debtor, Money amount, Money remaining, string memo, IouState state, DateTimeOffset createdAt, long version)
    {
        if (id.Value == Guid.Empty || creditor.Value == Guid.Empty || debtor.Value == Guid.Empty) throw new ArgumentException("an IOU needs every id");
        if (creditor == debtor) throw new ArgumentException("an IOU is between two traders", nameof(debtor));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(amount, Money.Zero);
        if (remaining < Money.Zero || remaining > amount) throw new ArgumentOutOfRangeException(nameof(remaining));
        ArgumentNullException.ThrowIfNull(memo);
        if (!Enum.IsDefined(state)) throw new ArgumentOutOfRangeException(nameof(state));
        Id = id;
        Creditor = creditor;
        Debtor = debtor;
        Amount = amount;
        Remaining = remaining;
        Memo = memo;
        State = state;
        CreatedAt = createdAt;
        Version = version;
    }

    /// <summary>The id.</summary>
    public IouId Id { get; }

    /// <summary>Who is owed (and proposed it).</summary>
    public TraderId Creditor { get; }

    /// <summary>Who owes.</summary>
    public TraderId Debtor { get; }

    /// <summary>The amount recorded.</summary>
    public Money Amount { get; }

    /// <summary>What set-off runs have not cancelled yet.</summary>
    public Money Remaining { get; private init; }

    /// <summary>The parties' note; never logged.</summary>
    public string Memo { get; }

    /// <summary>The state.</summary>
    public IouState State { get; private init; }

    /// <summary>When it was proposed.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The store's concurrency counter (0 for one never stored).</summary>
    public long Version { get; private init; }

    /// <summary>
    /// A creditor's proposal. Fails with <see cref="ErrorCodes.InvalidIouAmount"/> when the amount is
    /// not positive, <see cref="ErrorCodes.IouWithSelf"/> when debtor and creditor are one trader,
    /// <see cref="ErrorCodes.MemoTooLong"/> when the memo is longer than <see cref="MaxMemoLength"/>.
    /// </summary>
    public static Result<Iou> Propose(TraderId creditor, TraderId debtor, Money amount, string? memo, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        string text = memo?.Trim() ?? "";
        if (amount <= Money.Zero) return Result.Fail<Iou>(ErrorCodes.InvalidIouAmount, "an IOU is for a positive amount");
        if (creditor == debtor) return Result.Fail<Iou>(ErrorCodes.IouWithSelf, "nobody owes themselves");
        if (text.Length > MaxMemoLength) return Result.Fail<Iou>(ErrorCodes.MemoTooLong, $"a memo is at most {MaxMemoLength} characters");
        return Result.Ok(new Iou(IouId.New(clock), creditor, debtor, amount, amount, text, IouState.Proposed, clock.GetUtcNow(), 0));
    }

    /// <summary>Whether <paramref name="trader"/> is the creditor or the debtor.</summary>
    public bool Involves(TraderId trader) => trader == Creditor || trader == Debtor;

    /// <summary>The debtor accepts: proposed → accepted. Only the debtor may (<see cref="ErrorCodes.NotIouParty"/>).</summary>
    public Result<Iou> Accept(TraderId by)
    {
        if (by != Debtor) return Result.Fail<Iou>(ErrorCodes.NotIouParty, "only the debtor accepts an IOU");
        return Move(IouState.Accepted);
    }

    /// <summary>Either party declines: proposed → declined.</summary>
    public Result<Iou> Decline(TraderId by)
    {
        if (!Involves(by)) return Result.Fail<Iou>(ErrorCodes.NotIouParty, "only the creditor or the debtor declines an IOU");
        return Move(IouState.Declined);
    }

    /// <summary>The ledger entry of its acceptance: the creditor credited, the debtor debited, the whole amount.</summary>
    public LedgerEntry AcceptanceEntry() => new(LedgerEntryKind.Iou, Id.ToString(), Creditor, Debtor, Amount);

    /// <summary>
    /// A set-off cancels <paramref name="cancelled"/> of what remains (accepted only; 0 &lt; cancelled ≤ remaining);
    /// at zero it is settled. Returns the IOU and the entry that undoes that much of its acceptance.
    /// </summary>
    public Result<(Iou Iou, LedgerEntry Entry)> SetOff(Money cancelled, string run)
    {
        if (State != IouState.Accepted) return Result.Fail<(Iou, LedgerEntry)>(ErrorCodes.IouNotAccepted, $"IOU {Id} is {State}, not accepted");
        if (cancelled <= Money.Zero || cancelled > Remaining)
            return Result.Fail<(Iou, LedgerEntry)>(ErrorCodes.InvalidIouAmount, $"{cancelled} is not within 0.01..{Remaining}");
        var left = Remaining - cancelled;
        var next = this with { Remaining = left, State = left == Money.Zero ? IouState.Settled : IouState.Accepted };
        return Result.Ok((next, new LedgerEntry(LedgerEntryKind.Setoff, $"{run}/{Id}", Debtor, Creditor, cancelled)));
    }

    /// <summary>The same IOU at the store's version <paramref name="version"/> (the store's concern only).</summary>
    public Iou AtVersion(long version) => this with { Version = version };

    private Result<Iou> Move(IouState to) =>
        State == IouState.Proposed
            ? Result.Ok(this with { State = to })
            : Result.Fail<Iou>(ErrorCodes.IouNotProposed, $"IOU {Id} is {State}, cannot become {to}");
}
