namespace Yalu.Web.Rounds;

/// <summary>The result of a cleared round: every loop and chain with its legs (keeper only).</summary>
/// <param name="Round">The round id.</param>
/// <param name="Summary">The counts.</param>
/// <param name="Loops">The loops.</param>
/// <param name="Chains">The chains.</param>
public sealed record RoundResultResponse(string Round, RoundSummaryResponse Summary, IReadOnlyList<ExchangeResponse> Loops, IReadOnlyList<ExchangeResponse> Chains);
