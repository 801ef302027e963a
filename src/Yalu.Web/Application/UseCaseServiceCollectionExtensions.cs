using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Yalu.Web.Application;

/// <summary>Registers the node's use cases, which the API and the pages both call.</summary>
public static class UseCaseServiceCollectionExtensions
{
    /// <summary>Adds one of each use-case service (they hold no per-request state).</summary>
    public static IServiceCollection AddYaluUseCases(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TraderService>();
        services.TryAddSingleton<LotService>();
        services.TryAddSingleton<WantListService>();
        services.TryAddSingleton<RoundService>();
        services.TryAddSingleton<LegService>();
        services.TryAddSingleton<PriceBoardService>();
        services.TryAddSingleton<RateService>();
        services.TryAddSingleton<CreditService>();
        services.TryAddSingleton<IouService>();
        services.TryAddSingleton<SetoffService>();
        services.TryAddSingleton<BulletinService>();
        return services;
    }
}
