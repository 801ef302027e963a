namespace Yalu.Web.Application;

/// <summary>
/// A keeper's request to start a round, as typed or sent: each part may be missing (the default of
/// <see cref="Market.Trading.RoundParameters.Default"/> is taken) and is checked by <see cref="RoundService"/>.
/// </summary>
/// <param name="CycleCap">The most lots in one loop.</param>
/// <param name="ChainCap">The most legs in one chain (0: no chains).</param>
/// <param name="Objective">count, value, preference or essentials.</param>
/// <param name="TimeLimitSeconds">The engine's time limit in seconds.</param>
/// <param name="Credit">Whether credit limits bind the round (default off).</param>
public sealed record RoundRequest(int? CycleCap, int? ChainCap, string? Objective, int? TimeLimitSeconds, bool? Credit = null);
