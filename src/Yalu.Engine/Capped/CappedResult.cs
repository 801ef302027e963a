using Yalu.Market.Graphs;

namespace Yalu.Engine.Capped;

/// <summary>
/// The outcome of a capped clearing: the loops and chains (<see cref="Clearing"/>), the total weight
/// they move, the proven upper bound on any clearing within the caps, and where the time went.
/// Immutable and thread-safe.
/// </summary>
public sealed class CappedResult
{
    internal CappedResult(
        ClearingResult clearing, double objective, double bound, IReadOnlyList<CappedPhase> phases, CappedStatistics statistics)
    {
        Clearing = clearing;
        Objective = objective;
        Bound = clearing.Status == ClearingStatus.Optimal ? objective : Math.Max(bound, objective);
        Gap = Bound > 0 && Bound > Objective ? (Bound - Objective) / Bound : 0;
        Phases = phases;
        Statistics = statistics;
    }

    /// <summary>The loops and chains, in receive order; its status says whether they are proven optimal.</summary>
    public ClearingResult Clearing { get; }

    /// <summary>Whether the result is proven optimal (else it is the best found within the time limit).</summary>
    public ClearingStatus Status => Clearing.Status;

    /// <summary>Total weight of the wants given (the number of items received, with count weights).</summary>
    public double Objective { get; }

    /// <summary>A proven upper bound on the objective of any clearing within the caps; equal to <see cref="Objective"/> when optimal.</summary>
    public double Bound { get; }

    /// <summary>Relative gap, (bound − objective) / bound; 0 when optimal.</summary>
    public double Gap { get; }

    /// <summary>Wall time per phase, in the order the phases first ran.</summary>
    public IReadOnlyList<CappedPhase> Phases { get; }

    /// <summary>Sizes of what was solved.</summary>
    public CappedStatistics Statistics { get; }
}
