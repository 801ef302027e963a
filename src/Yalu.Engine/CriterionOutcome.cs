namespace Yalu.Engine;

/// <summary>What the improvement reached on one criterion.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Value">The value of the returned solution.</param>
/// <param name="Bound">The best bound proven (equal to <paramref name="Value"/> when proved).</param>
/// <param name="Proved">Whether <paramref name="Value"/> is proven optimal (given the criteria before it).</param>
/// <param name="Elapsed">Wall time spent on this criterion.</param>
public sealed record CriterionOutcome(FairnessCriterion Criterion, long Value, long Bound, bool Proved, TimeSpan Elapsed);
