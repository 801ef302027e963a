using Yalu.Engine;
using Yalu.Market.Trading;

namespace Yalu.Web.Rounds;

/// <summary>
/// Turns the engine's progress reports into a round's phase and percentage, synchronously (so no
/// report can land after the round is done, as with <see cref="Progress{T}"/>). Percentages never go
/// back: reducing 5–10 %, solving 10–95 %.
/// </summary>
internal sealed class SolverProgress(RoundScheduler queue, RoundId round) : IProgress<ClearingProgress>
{
    private readonly Lock _gate = new();
    private int _percent = 5;

    public void Report(ClearingProgress value)
    {
        double done = value.Total > 0 ? Math.Clamp((double)value.Done / value.Total, 0, 1) : 0;
        int percent = value.Phase == "solving" ? 10 + (int)(85 * done) : 5 + (int)(5 * done);
        lock (_gate)
        {
            _percent = Math.Max(_percent, percent);
            queue.Report(round, new RoundStatus(value.Phase, _percent));
        }
    }
}
