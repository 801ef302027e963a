using Yalu.Market.Trading;

namespace Yalu.Web.Rounds;

/// <summary>What a cleared round produced, without saying who trades with whom (public).</summary>
/// <param name="Loops">Loops cleared.</param>
/// <param name="Chains">Chains cleared.</param>
/// <param name="Legs">Legs in all.</param>
/// <param name="Pending">Legs still to be handed over.</param>
/// <param name="Confirmed">Legs handed over.</param>
/// <param name="Failed">Legs failed (no-shows).</param>
/// <param name="Released">Legs called off because another leg of their exchange failed.</param>
/// <param name="Engine">optimal or feasible; null when this node did not clear the round since it started.</param>
/// <param name="Objective">Total want weight moved; null as for <paramref name="Engine"/>.</param>
/// <param name="Bound">Proven upper bound; null as for <paramref name="Engine"/>.</param>
/// <param name="Gap">Relative gap; null as for <paramref name="Engine"/>.</param>
public sealed record RoundSummaryResponse(
    int Loops, int Chains, int Legs, int Pending, int Confirmed, int Failed, int Released, string? Engine, double? Objective, double? Bound, double? Gap)
{
    /// <summary>The summary of <paramref name="legs"/> with the engine's figures from <paramref name="status"/>.</summary>
    public static RoundSummaryResponse From(IReadOnlyList<Leg> legs, IReadOnlySet<int> loopIndexes, RoundStatus? status)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(loopIndexes);
        var exchanges = legs.Select(l => l.Exchange).Distinct().ToList();
        return new(
            exchanges.Count(loopIndexes.Contains), exchanges.Count(e => !loopIndexes.Contains(e)), legs.Count,
            legs.Count(l => l.State == LegState.Pending), legs.Count(l => l.State == LegState.Confirmed),
            legs.Count(l => l.State == LegState.Failed), legs.Count(l => l.State == LegState.Released),
            status?.Engine, status?.Objective, status?.Bound, status?.Gap);
    }
}
