using Yalu.Engine;

namespace Yalu.Cli;

/// <summary>
/// Progress on standard error for runs longer than a second: silent for quick runs, then a line per
/// second naming the phase. Plain lines, so it reads the same in a terminal and in a log.
/// </summary>
internal sealed class ProgressDisplay : IProgress<ClearingProgress>, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private readonly TextWriter _stderr;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ITimer? _timer;
    private readonly Lock _gate = new();
    private string _phase = "starting";
    private bool _stopped;

    public ProgressDisplay(TextWriter stderr, bool enabled, TimeProvider time)
    {
        _stderr = stderr;
        _time = time;
        _started = time.GetTimestamp();
        if (enabled) _timer = time.CreateTimer(_ => Tick(), null, Quiet, Quiet);
    }

    public void Phase(string phase)
    {
        lock (_gate) _phase = phase;
    }

    public void Report(ClearingProgress value)
    {
        lock (_gate) _phase = value.Total > 1 ? $"{value.Phase} ({value.Done}/{value.Total})" : value.Phase;
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_stopped) return;
            double seconds = _time.GetElapsedTime(_started).TotalSeconds;
            _stderr.WriteLine($"yalu: {_phase}… {seconds:0.0}s");
        }
    }

    public void Stop()
    {
        lock (_gate) _stopped = true;
        _timer?.Dispose();
    }

    public void Dispose() => Stop();
}
