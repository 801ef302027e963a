namespace Yalu.Market.Trading;

/// <summary>Where a lot is in its life: open → matched → handed over, or withdrawn / expired while open.</summary>
public enum LotState
{
    /// <summary>Offered; takes part in the next round.</summary>
    Open,

    /// <summary>In a pending leg of a cleared round.</summary>
    Matched,

    /// <summary>Handed over: the leg was confirmed. Final.</summary>
    HandedOver,

    /// <summary>Taken back by its owner. Final: a withdrawn lot never trades.</summary>
    Withdrawn,

    /// <summary>Expired unsold. Final.</summary>
    Expired,
}
