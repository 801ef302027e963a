namespace Yalu.Market.Trading;

/// <summary>The bank of the Yalu a trader trades from.</summary>
public enum Side
{
    /// <summary>Hyesan, on the Korean bank.</summary>
    Hyesan,

    /// <summary>Changbai, on the Chinese bank.</summary>
    Changbai,
}
