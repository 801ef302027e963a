namespace Yalu.Engine.Capped;

/// <summary>The wall time one phase of a capped solve took.</summary>
/// <param name="Name">The phase: <c>reduce</c>, <c>enumerate</c>, <c>bound</c>, <c>relax</c>, <c>integer</c> or <c>direct</c>.</param>
/// <param name="Elapsed">Its wall time, summed over the parts of the graph.</param>
public readonly record struct CappedPhase(string Name, TimeSpan Elapsed);
