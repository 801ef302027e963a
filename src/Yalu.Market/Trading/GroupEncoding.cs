namespace Yalu.Market.Trading;

/// <summary>
/// How <see cref="RoundGraph"/> expresses "at most one lot of this group trades" in a
/// <see cref="Graphs.WantGraph"/>. A cycle cover cannot express the rule with pairing kept (a
/// shared dummy forgets which lot entered it), so there are two faithful encodings with different
/// costs; docs/domain.md explains both.
/// </summary>
public enum GroupEncoding
{
    /// <summary>
    /// Every lot keeps its own wants; the groups are returned beside the graph
    /// (<see cref="MarketGraph.Groups"/>) for a solver that takes the side constraint, and
    /// <see cref="MarketGraph.EnforceGroups"/> repairs a result from one that does not. No dummies,
    /// so the capped solver accepts the graph. The default.
    /// </summary>
    SideConstraint,

    /// <summary>
    /// TradeMaximizer's idiom: each lot of the group wants only a private dummy, and the dummy wants
    /// the lots that every lot of the group wants (the intersection of their expanded lists, at the
    /// worst rank any of them gives). The dummy trades at most once, so at most one lot of the group
    /// trades, and whichever does, its owner receives a lot they accepted for it. Exact for graph-only
    /// solvers (unbounded loops); the capped solver refuses dummies.
    /// </summary>
    Dummy,
}
