namespace Yalu.Market.Setoff;

/// <summary>How a set-off is computed.</summary>
public enum SetoffMethod
{
    /// <summary>
    /// Exact: the remaining debt is a minimum-cost flow (unit cost on every obligation, the parties'
    /// net positions as supplies), so the set-off clears the most debt any set-off can. The default.
    /// </summary>
    MinCostFlow,

    /// <summary>
    /// For comparison only: a plain maximum flow from the net debtors to the net creditors through
    /// the obligations, whose flow is taken as the remaining debt (the default of Informal Systems'
    /// mtcs crate). Keeps every net position but usually clears less than <see cref="MinCostFlow"/>.
    /// </summary>
    PlainMaxFlow,
}
