using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Yalu.Web.Rounds;

/// <summary>Clears the rounds of <see cref="RoundScheduler"/> one at a time, in the background, for as long as the node runs.</summary>
public sealed class RoundWorker(RoundScheduler queue, RoundEngine engine, ILogger<RoundWorker> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(engine);
        try
        {
            await RecoverAsync(stoppingToken);
            await foreach (var round in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await engine.RunAsync(round, stoppingToken);
                }
                finally
                {
                    queue.Release(round);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    /// <summary>
    /// A round a stopped node left scheduled or running would hold the market until the next start:
    /// fail it now if nobody is clearing. Best effort: the next start does the same.
    /// </summary>
    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queue.RecoverAsync(stoppingToken);
        }
#pragma warning disable CA1031 // A failed clean-up must not stop the node: the next start retries it.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            RoundLog.RecoveryFailed(logger, e);
        }
    }
}
