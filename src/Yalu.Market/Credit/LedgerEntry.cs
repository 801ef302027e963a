using Yalu.Market.Trading;

namespace Yalu.Market.Credit;

/// <summary>
/// One double-entry posting of the market's mutual-credit ledger: <see cref="Amount"/> (positive
/// fen) is credited to one account and debited to another, so every entry balances by
/// construction and the balances of all accounts always sum to zero. An account is a trader, or
/// the market's pool (null): the pool gives away donated lots and receives the last lot of a chain.
/// Immutable; the store numbers and dates it (<see cref="PostedEntry"/>) and never changes it.
/// </summary>
public sealed record LedgerEntry
{
    /// <summary>The longest reference, in characters.</summary>
    public const int MaxReferenceLength = 120;

    /// <summary>Creates an entry; throws <see cref="ArgumentException"/> on a non-positive amount, one account on both sides, or a bad reference.</summary>
    public LedgerEntry(LedgerEntryKind kind, string reference, TraderId? credit, TraderId? debit, Money amount)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind));
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (reference.Length > MaxReferenceLength) throw new ArgumentException($"a reference is at most {MaxReferenceLength} characters", nameof(reference));
        if (amount <= Money.Zero) throw new ArgumentOutOfRangeException(nameof(amount), "a ledger entry moves a positive amount");
        if (credit == debit) throw new ArgumentException("an entry moves value between two different accounts", nameof(debit));
        Kind = kind;
        Reference = reference;
        Credit = credit;
        Debit = debit;
        Amount = amount;
    }

    /// <summary>Why it was posted.</summary>
    public LedgerEntryKind Kind { get; }

    /// <summary>What it posts: a leg id, an IOU id, or "set-off run id/IOU id". Unique per kind: a leg or an IOU posts once.</summary>
    public string Reference { get; }

    /// <summary>The account whose balance rises (null: the market's pool).</summary>
    public TraderId? Credit { get; }

    /// <summary>The account whose balance falls (null: the market's pool).</summary>
    public TraderId? Debit { get; }

    /// <summary>How much, always positive.</summary>
    public Money Amount { get; }

    /// <summary>
    /// The entry of a confirmed leg, or null when the lot is worth nothing. The giver is credited
    /// the lot's value and the receiver debited it — except that a donated lot is credited to the
    /// pool (a gift is nobody's claim), and the first leg of a chain, whose lot goes to the pool, is
    /// debited to the pool. Over a loop whose legs are all confirmed, each trader's entries add up
    /// to the value they gave minus the value they received.
    /// </summary>
    /// <param name="leg">The confirmed leg.</param>
    /// <param name="lot">Its lot.</param>
    /// <param name="poolReceives">Whether the leg hands its lot to the pool (the first leg of a chain).</param>
    public static LedgerEntry? ForLeg(Leg leg, Lot lot, bool poolReceives)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(lot);
        if (leg.Lot != lot.Id) throw new ArgumentException("the lot is not the leg's", nameof(lot));
        if (lot.Value <= Money.Zero) return null;
        TraderId? credit = lot.IsDonor ? null : leg.Giver;
        TraderId? debit = poolReceives ? null : leg.Receiver;
        // A keeper's own donated lot to the pool moves nothing between accounts.
        if (credit == debit) return null;
        return new LedgerEntry(LedgerEntryKind.Leg, leg.Id.ToString(), credit, debit, lot.Value);
    }

    /// <summary>The signed change this entry makes to <paramref name="account"/>'s balance (null: the pool).</summary>
    public Money EffectOn(TraderId? account) =>
        account == Credit ? Amount : account == Debit ? -Amount : Money.Zero;
}
