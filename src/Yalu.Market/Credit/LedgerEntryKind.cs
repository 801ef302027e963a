namespace Yalu.Market.Credit;

/// <summary>Why a <see cref="LedgerEntry"/> was posted.</summary>
public enum LedgerEntryKind
{
    /// <summary>A confirmed handover: the giver is credited the lot's value, the receiver debited.</summary>
    Leg,

    /// <summary>An accepted IOU: the creditor is credited its amount, the debtor debited.</summary>
    Iou,

    /// <summary>A keeper's set-off cancelled part of an IOU: the debtor is credited the cancelled amount, the creditor debited.</summary>
    Setoff,
}
