namespace Yalu.Clearing.Capped;

/// <summary>How <see cref="CappedSolver"/> models a part of the graph (docs/capped-clearing.md).</summary>
public enum CappedFormulation
{
    /// <summary>Chosen by size: <see cref="Direct"/> for small parts, <see cref="ColumnGeneration"/> for large ones.</summary>
    Auto,

    /// <summary>
    /// One CP-SAT model: a variable per loop of at most k items (enumerated) and per chain arc and
    /// position (PICEF, Dickerson et al. 2016).
    /// </summary>
    Direct,

    /// <summary>
    /// The loop-and-chain linear relaxation solved by column generation (loops priced from the
    /// enumeration, chains by a bounded search), its bound, then CP-SAT over the generated columns and
    /// those that reduced-cost fixing cannot exclude.
    /// </summary>
    ColumnGeneration,
}
