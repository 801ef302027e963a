namespace Yalu.Market.Graphs;

/// <summary>What a solver can say about the result it returns.</summary>
public enum ClearingStatus
{
    /// <summary>Proven optimal for the stated objective.</summary>
    Optimal,

    /// <summary>A valid solution, not proven optimal (for example stopped by a time limit).</summary>
    Feasible,
}
