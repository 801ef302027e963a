namespace Yalu.Cli;

/// <summary>The arguments of <c>yalu clear</c>.</summary>
internal sealed record ClearRequest(string File, bool Json, int? Iterations, long? Seed, bool Quiet, bool Timings = false);
