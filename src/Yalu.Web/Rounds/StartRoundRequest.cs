namespace Yalu.Web.Rounds;

/// <summary>A keeper's request to clear the market now; every field is optional.</summary>
/// <param name="CycleCap">The most lots in one loop, 2..6. Default 3.</param>
/// <param name="ChainCap">The most legs in one chain from a donor lot, 0..10 (0: no chains). Default 0.</param>
/// <param name="Objective">count, value, preference or essentials. Default count.</param>
/// <param name="TimeLimitSeconds">How long the engine may search, 1..3600. Default 30.</param>
public sealed record StartRoundRequest(int? CycleCap, int? ChainCap, string? Objective, int? TimeLimitSeconds);
