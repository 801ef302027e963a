namespace Yalu.Web.Rounds;

/// <summary>A keeper's request to clear the market now; every field is optional.</summary>
/// <param name="CycleCap">The most lots in one loop, <see cref="Market.Trading.RoundParameters.MinCycleCap"/>..<see cref="Market.Trading.RoundParameters.MaxCycleCap"/>. Default 3.</param>
/// <param name="ChainCap">The most legs in one chain from a donor lot, <see cref="Market.Trading.RoundParameters.MinChainCap"/>..<see cref="Market.Trading.RoundParameters.MaxChainCap"/> (0: no chains). Default 0.</param>
/// <param name="Objective">count, value, preference or essentials. Default count.</param>
/// <param name="TimeLimitSeconds">How long the engine may search in seconds, <see cref="Market.Trading.RoundParameters.MinTimeLimitSeconds"/>..<see cref="Market.Trading.RoundParameters.MaxTimeLimitSeconds"/>. Default 30.</param>
/// <param name="Credit">Whether credit limits bind the round: no leg takes a trader below minus their credit limit, counting their balance. Default false.</param>
public sealed record StartRoundRequest(int? CycleCap, int? ChainCap, string? Objective, int? TimeLimitSeconds, bool? Credit = null);
