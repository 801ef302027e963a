namespace Yalu.Engine.Capped;

/// <summary>Which OR-Tools solver decides a <see cref="PackingProblem"/>.</summary>
internal enum IntegerBackend
{
    /// <summary>CP-SAT: strong on small models and with many workers.</summary>
    CpSat,

    /// <summary>
    /// CBC through OR-Tools' MIP interface: its LP-based search finds clearings at a tight bound far
    /// sooner than CP-SAT on the packing models of large pools.
    /// </summary>
    Cbc,
}
