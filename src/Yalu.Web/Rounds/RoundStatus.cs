namespace Yalu.Web.Rounds;

/// <summary>
/// What the node knows about a round beyond the store, while this process runs it: the phase and
/// percentage of its clearing, and afterwards how good the engine's answer was. Kept in memory only
/// (a restarted node shows stored state and legs, not these figures).
/// </summary>
/// <param name="Phase">queued, expanding, reducing, solving, storing, done or failed.</param>
/// <param name="Percent">0..100, monotone within one clearing.</param>
/// <param name="Engine">optimal or feasible (the time limit stopped the search), once solved.</param>
/// <param name="Objective">The total want weight the result moves, once solved.</param>
/// <param name="Bound">A proven upper bound on any clearing within the caps, once solved.</param>
/// <param name="Gap">(bound − objective) / bound, once solved.</param>
/// <param name="Error">Why the round failed, for the keeper (no personal data).</param>
public sealed record RoundStatus(
    string Phase, int Percent, string? Engine = null, double? Objective = null, double? Bound = null, double? Gap = null, string? Error = null);
