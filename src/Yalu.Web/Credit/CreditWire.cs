using Yalu.Market.Credit;

namespace Yalu.Web.Credit;

/// <summary>How the API spells the credit enums.</summary>
public static class CreditWire
{
    /// <summary>leg, iou or setoff.</summary>
    public static string Of(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Leg => "leg",
        LedgerEntryKind.Iou => "iou",
        LedgerEntryKind.Setoff => "setoff",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>proposed, accepted, declined or settled.</summary>
    public static string Of(IouState state) => state switch
    {
        IouState.Proposed => "proposed",
        IouState.Accepted => "accepted",
        IouState.Declined => "declined",
        IouState.Settled => "settled",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
