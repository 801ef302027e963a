namespace Yalu.Engine.Capped;

/// <summary>What a capped solve worked on.</summary>
/// <param name="Pairs">Items that can receive (not donors).</param>
/// <param name="Donors">Donor items.</param>
/// <param name="Arcs">Wants (compatibility arcs) in the graph.</param>
/// <param name="ArcsKept">Arcs left once those on no loop within the cap and no chain within the cap are removed.</param>
/// <param name="Parts">Independent parts solved.</param>
/// <param name="Cycles">Loops of at most k items enumerated, over all parts.</param>
/// <param name="ChainVariables">Position-indexed chain arcs (direct models) plus chain columns (column generation).</param>
/// <param name="Columns">Columns of the final integer models (loops and chains), over all parts.</param>
/// <param name="PricingRounds">Column-generation rounds, over all parts.</param>
/// <param name="Formulation">The formulations used, e.g. <c>column-generation</c> or <c>direct+column-generation</c>.</param>
public sealed record CappedStatistics(
    int Pairs, int Donors, int Arcs, int ArcsKept, int Parts, long Cycles, long ChainVariables, long Columns, int PricingRounds,
    string Formulation);
