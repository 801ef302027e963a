namespace Yalu.Web.Rounds;

/// <summary>One loop or chain of a round, its legs in receive order.</summary>
/// <param name="Index">The exchange index within the round.</param>
/// <param name="Kind">loop or chain.</param>
/// <param name="Legs">Its legs by position.</param>
public sealed record ExchangeResponse(int Index, string Kind, IReadOnlyList<LegResponse> Legs);
