namespace Yalu.Web.Rounds;

/// <summary>A round as the API shows it (public): state, progress, parameters and, once cleared, a summary.</summary>
/// <param name="Id">The id.</param>
/// <param name="State">scheduled, running, cleared or failed.</param>
/// <param name="Keeper">The handle of the keeper who started it (the pool that chains end at).</param>
/// <param name="Parameters">Caps, objective, time limit.</param>
/// <param name="Progress">Phase and percentage of the clearing.</param>
/// <param name="Summary">Counts of exchanges and legs by state; null until cleared.</param>
/// <param name="Error">Why it failed, when this node knows.</param>
/// <param name="CreatedAt">When it was started.</param>
/// <param name="FinishedAt">When it was cleared or failed.</param>
public sealed record RoundResponse(
    string Id, string State, string Keeper, RoundParametersResponse Parameters, RoundProgressResponse Progress, RoundSummaryResponse? Summary,
    string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);
