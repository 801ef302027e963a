using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yalu.Storage;
using Yalu.Web.Demo;

namespace Yalu.Web.Hosting;

/// <summary>What a node does once before it serves, one node at a time across the database.</summary>
public static class NodeStartup
{
    /// <summary>
    /// Under the store's start-up lock (<see cref="IMarketLocks.LockStartupAsync"/>): seeds a fresh
    /// market (<see cref="DemoMarket.SeedIfFreshAsync"/>) and makes sure the shared data-protection
    /// key ring has a key (<see cref="YaluDataProtection.EnsureKey"/>), so nodes starting together on
    /// one fresh database seed once and share one first key. Returns the seed, or null when the
    /// market was not fresh. Needs the services AddYaluWeb registers.
    /// </summary>
    public static async Task<DemoSeed?> PrepareAsync(IServiceProvider services, bool withDemoTraders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.GetRequiredService<IMarketStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var hasher = services.GetRequiredService<IOptions<YaluWebOptions>>().Value.Hasher;
        await using var startup = await services.GetRequiredService<IMarketLocks>().LockStartupAsync(cancellationToken);
        var seeded = await DemoMarket.SeedIfFreshAsync(store, hasher, clock, withDemoTraders, cancellationToken: cancellationToken);
        var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
        YaluDataProtection.EnsureKey(services.GetRequiredService<IKeyManager>(), clock, lifetime);
        return seeded;
    }
}
