using Microsoft.Extensions.Hosting;

namespace Yalu.Web.Rounds;

/// <summary>Clears the rounds of <see cref="RoundScheduler"/> one at a time, in the background, for as long as the node runs.</summary>
public sealed class RoundWorker(RoundScheduler queue, RoundEngine engine) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(engine);
        try
        {
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
}
