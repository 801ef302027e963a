using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Yalu.Storage;

namespace Yalu.Web.Hosting;

/// <summary>
/// ASP.NET Core data protection for nodes that share one database: the key ring lives in the
/// database (<see cref="StoreXmlRepository"/>) and every node uses the one application name
/// <see cref="ApplicationName"/>, so what one node protects (antiforgery form tokens and cookies)
/// another unprotects. The keys are stored unencrypted: whoever can read the database can forge an
/// antiforgery token, but could read or change the market directly anyway.
/// </summary>
public static class YaluDataProtection
{
    /// <summary>The application name every node protects under (data protection's discriminator).</summary>
    public const string ApplicationName = "Yalu";

    /// <summary>
    /// How long before the default key expires a node makes its successor (data protection's own
    /// margin is two days, and nodes pick up a new key within a day, when they reload the ring).
    /// </summary>
    private static readonly TimeSpan Successor = TimeSpan.FromDays(2);

    /// <summary>Adds data protection with the key ring in <paramref name="keys"/> and <see cref="ApplicationName"/>.</summary>
    public static IServiceCollection AddYaluDataProtection(this IServiceCollection services, IDataProtectionKeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(keys);
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .AddKeyManagementOptions(o => o.XmlRepository = new StoreXmlRepository(keys));
        return services;
    }

    /// <summary>
    /// Makes sure the ring has a key in use now that is not about to expire, creating one if not.
    /// Called under <see cref="IMarketLocks.LockStartupAsync"/>, so nodes starting together on a fresh
    /// database agree on one first key instead of each making its own (a node would then reject the
    /// other's tokens until it reloads its ring). Returns whether a key was created.
    /// </summary>
    public static bool EnsureKey(IKeyManager keyManager, TimeProvider clock, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(keyManager);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        if (keyManager.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now + Successor)) return false;
        keyManager.CreateNewKey(now, now + lifetime);
        return true;
    }
}
