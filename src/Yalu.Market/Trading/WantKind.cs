namespace Yalu.Market.Trading;

/// <summary>What a want-list entry names.</summary>
public enum WantKind
{
    /// <summary>One explicit lot.</summary>
    Lot,

    /// <summary>Any open lot of a good.</summary>
    Good,

    /// <summary>Any open lot in a category worth at least a percentage of mine.</summary>
    Category,
}
