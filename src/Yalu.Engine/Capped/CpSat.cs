using System.Globalization;
using Google.OrTools.Sat;

namespace Yalu.Engine.Capped;

/// <summary>CP-SAT settings shared by the capped models.</summary>
internal static class CpSat
{
    /// <summary>
    /// A solver limited to <paramref name="seconds"/>, with the given workers and seed; for
    /// <paramref name="feasibility"/> models (any solution within the bounds will do) without the
    /// probing that costs seconds on large ones.
    /// </summary>
    public static CpSolver Create(double seconds, int workers, long seed, bool feasibility = false)
    {
        string time = Math.Max(0.01, seconds).ToString("0.###", CultureInfo.InvariantCulture);
        int randomSeed = (int)(seed % int.MaxValue);
        string extra = feasibility ? " cp_model_probing_level:0" : "";
        return new CpSolver
        {
            StringParameters = $"max_time_in_seconds:{time} num_workers:{workers} random_seed:{randomSeed}{extra} log_search_progress:false",
        };
    }

    /// <summary>Whether the status carries a solution.</summary>
    public static bool HasSolution(CpSolverStatus status) => status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
}
