namespace Yalu.Market.Trading;

/// <summary>Where a leg is: pending → confirmed | failed | released.</summary>
public enum LegState
{
    /// <summary>Cleared, waiting for the handover.</summary>
    Pending,

    /// <summary>Handed over. Final.</summary>
    Confirmed,

    /// <summary>A no-show: the giver did not hand the lot over. Final.</summary>
    Failed,

    /// <summary>Another leg of its exchange failed, so this one is called off. Final.</summary>
    Released,
}
