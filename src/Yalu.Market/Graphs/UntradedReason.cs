namespace Yalu.Market.Graphs;

/// <summary>Why an item does not trade: the first of these that applies.</summary>
public enum UntradedReason
{
    /// <summary>It has no want list, or wants nothing that is offered.</summary>
    WantsNothing,

    /// <summary>Nobody wants it.</summary>
    NobodyWantsIt,

    /// <summary>It is wanted and wants, but no loop can contain it.</summary>
    NoLoop,

    /// <summary>A loop could contain it, but every such loop costs a trade or a cheaper loop elsewhere.</summary>
    CrowdedOut,

    /// <summary>It could trade in an equally good solution, but the one chosen lets more users trade or has smaller loops.</summary>
    TieBroken,
}
