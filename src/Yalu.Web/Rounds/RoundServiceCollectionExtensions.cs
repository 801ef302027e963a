using Microsoft.Extensions.DependencyInjection;

namespace Yalu.Web.Rounds;

/// <summary>Registers rounds: the one-lane queue, the engine and the background worker.</summary>
public static class RoundServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RoundScheduler"/>, <see cref="RoundEngine"/> and the hosted <see cref="RoundWorker"/> (needs a TimeProvider and an IMarketStore, as AddYaluWeb registers).</summary>
    public static IServiceCollection AddYaluRounds(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<RoundScheduler>();
        services.AddSingleton<RoundEngine>();
        services.AddHostedService<RoundWorker>();
        return services;
    }
}
