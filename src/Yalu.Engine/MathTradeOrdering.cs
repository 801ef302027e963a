namespace Yalu.Engine;

/// <summary>What a math-trade clearing optimises, in order.</summary>
public enum MathTradeOrdering
{
    /// <summary>Most items trading, then lowest cost (TradeMaximizer's single solve; <c>--no-improve</c>).</summary>
    Plain,

    /// <summary>
    /// The default: most items, lowest cost, then most users trading, then smallest sum of squared
    /// loop sizes (<c>METRIC=USERS-TRADING</c> means the same).
    /// </summary>
    UsersTrading,

    /// <summary>Most items, lowest cost, then smallest sum of squared loop sizes (<c>METRIC=CHAIN-SIZES-SOS</c>).</summary>
    ChainSizesSumOfSquares,

    /// <summary>Most items, lowest cost, then smallest sum over users of their items trading squared, then users, then loops (<c>METRIC=USERS-SOS</c>).</summary>
    UsersSumOfSquares,

    /// <summary>Most items, lowest cost, then most items of <see cref="MathTradeOptions.FavorUser"/>, then users, then loops (<c>METRIC=FAVOR-USER=NAME</c>).</summary>
    FavorUser,

    /// <summary>Most users trading first, then most items, lowest cost, smallest loops (<c>--users-first</c>).</summary>
    UsersFirst,
}
