namespace Yalu.Engine.Capped;

/// <summary>
/// What every phase of one capped solve shares: the options, the clock and deadline, cancellation,
/// progress, and the wall time per phase.
/// </summary>
internal sealed class SolveContext(
    CappedOptions options, TimeProvider clock, IProgress<ClearingProgress>? progress, CancellationToken cancellationToken)
{
    /// <summary>What "no time limit" means to the solvers underneath, which always want one.</summary>
    private const double Unlimited = 1e7;

    private readonly long _start = clock.GetTimestamp();
    private readonly List<CappedPhase> _phases = [];

    public CappedOptions Options { get; } = options;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IProgress<ClearingProgress>? Progress { get; } = progress;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Where solver steps are narrated, for diagnosis; null (the default) for nowhere.</summary>
    public Action<string>? Log { get; init; }

    public TimeSpan Elapsed => Clock.GetElapsedTime(_start);

    /// <summary>Seconds left before the time limit (a large number when there is none).</summary>
    public double RemainingSeconds =>
        Options.TimeLimit is { } limit ? Math.Max(0, (limit - Elapsed).TotalSeconds) : Unlimited;

    public bool Expired => Options.TimeLimit is { } limit && Elapsed >= limit;

    public IReadOnlyList<CappedPhase> Phases => _phases;

    public long Timestamp() => Clock.GetTimestamp();

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/>.</summary>
    public void Record(string phase, long since)
    {
        var elapsed = Clock.GetElapsedTime(since);
        for (int i = 0; i < _phases.Count; i++)
        {
            if (_phases[i].Name != phase) continue;
            _phases[i] = _phases[i] with { Elapsed = _phases[i].Elapsed + elapsed };
            return;
        }
        _phases.Add(new CappedPhase(phase, elapsed));
    }

    public void Report(string phase, int done, int total) => Progress?.Report(new ClearingProgress(phase, done, total));
}
