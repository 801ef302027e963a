namespace Yalu.Market.Trading;

/// <summary>What a trader may do: trade, or also keep the market (run rounds, confirm handovers).</summary>
public enum Role
{
    /// <summary>Posts lots and want lists, sees their own slips.</summary>
    Trader,

    /// <summary>Runs the market: rounds, confirmations, rates, catalog.</summary>
    Keeper,
}
