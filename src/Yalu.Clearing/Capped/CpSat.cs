using System.Globalization;
using Google.OrTools.Sat;

namespace Yalu.Clearing.Capped;

/// <summary>CP-SAT settings shared by the capped models.</summary>
internal static class CpSat
{
    /// <summary>
    /// A solver limited to <paramref name="seconds"/>, with the given workers and seed. Several workers
    /// are interleaved deterministically, so the same model and seed give the same solution.
    /// </summary>
    public static CpSolver Create(double seconds, int workers, long seed)
    {
        string time = Math.Max(0.01, seconds).ToString("0.###", CultureInfo.InvariantCulture);
        int randomSeed = (int)(seed % int.MaxValue);
        string parallel = Environment.GetEnvironmentVariable("YALU_CPSAT") ?? (workers > 1 ? " interleave_search:true" : "");
        return new CpSolver
        {
            StringParameters = Environment.GetEnvironmentVariable("YALU_CPSAT") is { } o ? $"max_time_in_seconds:{time} random_seed:{randomSeed} {o}" : $"max_time_in_seconds:{time} num_workers:{workers} random_seed:{randomSeed}{parallel} log_search_progress:false",
        };
    }

    /// <summary>Whether the status carries a solution.</summary>
    public static bool HasSolution(CpSolverStatus status) => status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
}
