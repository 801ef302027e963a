namespace Yalu.Engine.Capped;

/// <summary>
/// The solution of one part: loops and chains as vertex lists of the part's gift graph in gift
/// order (a chain starts at its donor), their total integer weight, and the proven bound.
/// </summary>
internal sealed class PartSolution
{
    public List<int[]> Cycles { get; } = [];

    /// <summary>The loops' indices in the part's <see cref="CycleSet"/>, when known (index for index with <see cref="Cycles"/>).</summary>
    public List<int> CycleIndices { get; } = [];

    public List<int[]> Chains { get; } = [];

    /// <summary>Total scaled weight of the loops and chains.</summary>
    public long Value { get; set; }

    /// <summary>Proven upper bound on the part's optimum (scaled weights).</summary>
    public long Bound { get; set; }

    public bool Optimal => Value >= Bound;

    public string Formulation { get; set; } = "";

    public long CycleCount { get; set; }

    public long ChainVariables { get; set; }

    public long Columns { get; set; }

    public int Rounds { get; set; }
}
