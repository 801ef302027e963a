namespace Yalu.Market.Trading;

/// <summary>
/// The stable codes of <see cref="DomainError"/>. They are part of the HTTP API's contract:
/// never rename one, only add.
/// </summary>
public static class ErrorCodes
{
    /// <summary>A handle is empty, too short or long, or has a character other than letters, digits, '-', '_', '.'.</summary>
    public const string InvalidHandle = "invalid-handle";

    /// <summary>An amount of money is not "digits[.dd]" or is out of range.</summary>
    public const string InvalidMoney = "invalid-money";

    /// <summary>A quantity is not positive, has more than three decimals or is too large.</summary>
    public const string InvalidQuantity = "invalid-quantity";

    /// <summary>A lot's note is longer than <see cref="Lot.MaxNoteLength"/> characters.</summary>
    public const string NoteTooLong = "note-too-long";

    /// <summary>A lot's estimated value is negative.</summary>
    public const string NegativeValue = "negative-value";

    /// <summary>The operation needs an open lot.</summary>
    public const string LotNotOpen = "lot-not-open";

    /// <summary>The operation needs a matched lot.</summary>
    public const string LotNotMatched = "lot-not-matched";

    /// <summary>The lot is already in a pending leg.</summary>
    public const string LotInPendingLeg = "lot-in-pending-leg";

    /// <summary>A lot appears twice among the legs of one round.</summary>
    public const string LotTradedTwice = "lot-traded-twice";

    /// <summary>A want list names a lot of its own trader.</summary>
    public const string WantOwnLot = "want-own-lot";

    /// <summary>A want list names a lot that does not exist.</summary>
    public const string WantUnknownLot = "want-unknown-lot";

    /// <summary>A want list names a good or category the catalog does not have.</summary>
    public const string WantUnknownGood = "want-unknown-good";

    /// <summary>A want list has the same entry twice.</summary>
    public const string WantDuplicate = "want-duplicate";

    /// <summary>A want list has more than <see cref="WantList.MaxEntries"/> entries.</summary>
    public const string WantListTooLong = "want-list-too-long";

    /// <summary>A donor lot asks nothing back, so it has no want list.</summary>
    public const string WantListForDonor = "want-list-for-donor";

    /// <summary>The want list belongs to a lot of another trader.</summary>
    public const string NotYourLot = "not-your-lot";

    /// <summary>A "worth at least P %" rule has P outside 1..1000.</summary>
    public const string InvalidPercent = "invalid-percent";

    /// <summary>Round parameters are out of range; the message lists every problem.</summary>
    public const string InvalidRoundParameters = "invalid-round-parameters";

    /// <summary>The round is not in the state the operation needs.</summary>
    public const string RoundIllegalTransition = "round-illegal-transition";

    /// <summary>Another round of the market is already scheduled or running (on this node or another sharing the database).</summary>
    public const string RoundActive = "round-active";

    /// <summary>The leg is not pending.</summary>
    public const string LegNotPending = "leg-not-pending";

    /// <summary>The lot is not known.</summary>
    public const string UnknownLot = "unknown-lot";

    /// <summary>Someone else changed the record since it was read (optimistic concurrency); read it again.</summary>
    public const string ConcurrencyConflict = "concurrency-conflict";

    /// <summary>Another trader already has this handle (compared without regard to case).</summary>
    public const string HandleTaken = "handle-taken";

    /// <summary>The round is not known.</summary>
    public const string UnknownRound = "unknown-round";

    /// <summary>The leg is not known.</summary>
    public const string UnknownLeg = "unknown-leg";

    /// <summary>A KPW/CNY rate is not positive.</summary>
    public const string InvalidRate = "invalid-rate";

    /// <summary>A credit limit is negative.</summary>
    public const string InvalidCreditLimit = "invalid-credit-limit";

    /// <summary>An IOU is not for a positive amount, or a set-off amount is not within what remains.</summary>
    public const string InvalidIouAmount = "invalid-iou-amount";

    /// <summary>An IOU names the same trader as creditor and debtor.</summary>
    public const string IouWithSelf = "iou-with-self";

    /// <summary>An IOU's memo is longer than <see cref="Credit.Iou.MaxMemoLength"/> characters.</summary>
    public const string MemoTooLong = "memo-too-long";

    /// <summary>The trader is not the party of the IOU who may do this.</summary>
    public const string NotIouParty = "not-iou-party";

    /// <summary>The IOU is no longer proposed (accepted, declined or settled).</summary>
    public const string IouNotProposed = "iou-not-proposed";

    /// <summary>The IOU is not accepted, so a set-off cannot reduce it.</summary>
    public const string IouNotAccepted = "iou-not-accepted";
}
