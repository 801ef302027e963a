using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yalu.Storage;

namespace Yalu.Web.Api;

/// <summary>
/// Whole responses of public market reads (the open-lot list) kept in memory, keyed by the store's
/// last event sequence number (<see cref="IMarketStore.LastEventSeqAsync"/>) besides path and query.
/// Every committed write moves that number, so a request made after a write was acknowledged asks
/// for a key that no earlier response was stored under: nothing stale is ever served, whichever
/// node on the database wrote. A hit costs one primary-key lookup instead of the reads, the mapping
/// and the JSON writing. ASP.NET Core's default rules still apply: only anonymous GET and HEAD
/// requests and 200 responses without cookies are kept.
/// </summary>
public static class MarketOutputCache
{
    /// <summary>The policy name an endpoint opts in with (<c>.CacheOutput(MarketOutputCache.Policy)</c>).</summary>
    public const string Policy = "market-seq";

    /// <summary>How long an entry stays: entries of an older sequence number are never asked for again.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    /// <summary>The memory all entries may take together (the default is 100 MB).</summary>
    public const long SizeLimitBytes = 16 * 1024 * 1024;

    /// <summary>Adds the output cache with the <see cref="Policy"/> policy.</summary>
    public static IServiceCollection AddMarketOutputCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOutputCache(o =>
        {
            o.SizeLimit = SizeLimitBytes;
            o.AddPolicy(Policy, p => p.Expire(Expiry).VaryByValue(VersionAsync));
        });
        return services;
    }

    private static async ValueTask<KeyValuePair<string, string>> VersionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        long seq = await context.RequestServices.GetRequiredService<IMarketStore>().LastEventSeqAsync(cancellationToken);
        return new("seq", seq.ToString(CultureInfo.InvariantCulture));
    }
}
