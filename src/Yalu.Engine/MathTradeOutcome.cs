using Yalu.Market.Graphs;

namespace Yalu.Engine;

/// <summary>
/// A math-trade clearing and what is known about it: the result, and for each improvement
/// criterion applied after the exact solve, the value reached, the bound and whether it is proved.
/// </summary>
/// <param name="Result">The clearing.</param>
/// <param name="Criteria">The improvement criteria in the order applied; empty for a plain solve.</param>
/// <param name="Untraded">Every real item that does not trade, why, and what single want would let it (empty unless asked for).</param>
public sealed record MathTradeOutcome(ClearingResult Result, IReadOnlyList<CriterionOutcome> Criteria, IReadOnlyList<UntradedItem> Untraded)
{
    /// <summary>The outcome of one criterion, or null when it was not applied.</summary>
    public CriterionOutcome? Of(FairnessCriterion criterion) => Criteria.FirstOrDefault(c => c.Criterion == criterion);
}
