using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yalu.Storage;
using Yalu.Web.Api;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Hosting;
using Yalu.Web.Rounds;
using Yalu.Web.Security;
using Yalu.Web.Traders;
using Yalu.Web.Ui;

namespace Yalu.Web;

/// <summary>Registers the market node's HTTP API.</summary>
public static class YaluWebServiceCollectionExtensions
{
    /// <summary>
    /// Adds the API's services over <paramref name="store"/> (which must also be an
    /// <see cref="IWebStateStore"/>, <see cref="IMarketLocks"/>, <see cref="IDataProtectionKeyStore"/> and <see cref="INodeSync"/>, as both SQL
    /// stores are): data protection with its key ring in the store, session authentication, the trader and
    /// keeper policies, the pages (<see cref="YaluPagesServiceCollectionExtensions.AddYaluPages"/>), ProblemDetails with a stable <c>code</c>, the login throttle, the registration
    /// rate limit, the request-body cap and the OpenAPI document. The store is not disposed by the
    /// container: its opener owns it. Throws <see cref="ArgumentException"/> listing every invalid option.
    /// </summary>
    public static IServiceCollection AddYaluWeb(this IServiceCollection services, IMarketStore store, Action<YaluWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        if (store is not IWebStateStore webState) throw new ArgumentException("the store keeps no sessions (IWebStateStore)", nameof(store));
        if (store is not IMarketLocks locks) throw new ArgumentException("the store has no market locks (IMarketLocks)", nameof(store));
        if (store is not IDataProtectionKeyStore keys) throw new ArgumentException("the store keeps no data-protection keys (IDataProtectionKeyStore)", nameof(store));
        // The node's market is the side of its stored identity: the bulletin and the price board read it there.
        if (store is not INodeSync sync) throw new ArgumentException("the store has no node identity (INodeSync)", nameof(store));
        var options = new YaluWebOptions();
        configure?.Invoke(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("invalid Yalu web options: " + string.Join("; ", problems), nameof(configure));

        services.AddOptions<YaluWebOptions>().Configure(o =>
        {
            o.MaxRequestBodyBytes = options.MaxRequestBodyBytes;
            o.MaxBundleBytes = options.MaxBundleBytes;
            o.SessionLifetime = options.SessionLifetime;
            o.PageIdleTimeout = options.PageIdleTimeout;
            o.IdempotencyRetention = options.IdempotencyRetention;
            o.PriceBoardWindow = options.PriceBoardWindow;
            o.MinPassPhraseLength = options.MinPassPhraseLength;
            o.RegistrationsPerMinute = options.RegistrationsPerMinute;
            o.LoginFailures = options.LoginFailures;
            o.LoginWindow = options.LoginWindow;
            o.Hasher = options.Hasher;
        });
        services.AddRouting();
        services.AddYaluUseCases();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(store);
        services.AddSingleton(webState);
        services.AddSingleton(locks);
        services.AddSingleton(sync);
        services.AddYaluDataProtection(keys);
        services.AddSingleton(sp => new LoginThrottle(sp.GetRequiredService<TimeProvider>())
        {
            MaxFailures = options.LoginFailures,
            Window = options.LoginWindow,
        });
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        services.AddProblemDetails(p => p.CustomizeProblemDetails = context =>
        {
            int status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ApiCodes.ForStatus(status));
        });
        services.AddAuthentication(YaluAuth.Scheme).AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(YaluAuth.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(YaluAuth.TraderPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(YaluAuth.KeeperPolicy, p => p.RequireAuthenticatedUser().RequireRole(YaluAuth.KeeperRole));
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.AddFixedWindowLimiter(TraderApi.RegisterLimit, f =>
            {
                f.PermitLimit = options.RegistrationsPerMinute;
                f.Window = TimeSpan.FromMinutes(1);
                f.QueueLimit = 0;
            });
            r.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(context.HttpContext, 429, ApiCodes.RateLimited, "too many requests of this kind on the node; try again shortly");
            };
        });
        services.AddOpenApi();
        services.AddMarketOutputCache();
        services.AddYaluRounds();
        services.AddYaluPages();
        return services;
    }
}
