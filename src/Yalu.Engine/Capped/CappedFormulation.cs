namespace Yalu.Engine.Capped;

/// <summary>How <see cref="CappedSolver"/> models a part of the graph (docs/capped-clearing.md).</summary>
public enum CappedFormulation
{
    /// <summary>
    /// Chosen per part: first a clearing at the assignment bound by complementary slackness; failing
    /// that, <see cref="Routes"/> for long chains on moderate parts, <see cref="Picef"/> for small parts,
    /// <see cref="ColumnGeneration"/> for the rest.
    /// </summary>
    Auto,

    /// <summary>
    /// One MIP over enumerated loops and position-indexed chain arcs (PICEF: Dickerson, Manlove, Plaut,
    /// Sandholm and Trimble, EC 2016).
    /// </summary>
    Picef,

    /// <summary>One CP-SAT model over enumerated loops, with chains as routes of a multiple-circuit constraint.</summary>
    Routes,

    /// <summary>
    /// PICEF's linear relaxation by column generation (loops priced from the enumeration, arc positions
    /// from the arcs), then the integer step under its prices: complementary slackness, then the MIP over
    /// what reduced-cost fixing keeps.
    /// </summary>
    ColumnGeneration,
}
