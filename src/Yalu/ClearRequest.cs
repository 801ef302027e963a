namespace Yalu.Cli;

/// <summary>The arguments of <c>yalu clear</c>.</summary>
/// <param name="File">The input file, or "-" for standard input.</param>
/// <param name="Json">Write JSON instead of the text report.</param>
/// <param name="Iterations">Overrides the file's ITERATIONS=.</param>
/// <param name="Seed">Overrides the file's SEED=.</param>
/// <param name="Quiet">No progress or warnings on standard error.</param>
/// <param name="Timings">Per-phase times on standard error.</param>
/// <param name="MaxCycle">Cycle cap k for capped clearing; null for unbounded loops.</param>
/// <param name="MaxChain">Chain cap L (legs, the donor's gift included) for capped clearing.</param>
/// <param name="TimeLimit">Seconds the capped solver, or the math-trade improvement, may take; null for their defaults.</param>
/// <param name="NoImprove">Plain exact solve only (most items, lowest cost).</param>
/// <param name="UsersFirst">Most users trading ahead of most items.</param>
/// <param name="User">Report only for this user.</param>
/// <param name="Formulation">Capped clearing's model: auto, picef, routes or column-generation; null for auto.</param>
internal sealed record ClearRequest(
    string File, bool Json, int? Iterations, long? Seed, bool Quiet, bool Timings = false,
    int? MaxCycle = null, int? MaxChain = null, double? TimeLimit = null,
    bool NoImprove = false, bool UsersFirst = false, string? User = null, string? Formulation = null);
