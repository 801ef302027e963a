using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yalu.Storage;
using Yalu.Web.Security;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>
/// The node as <c>yalu serve</c> composes it (AddYaluWeb, then the pipeline of pages and API), in
/// the Production environment, over a given store, with a cheap pass-phrase hash so that
/// registrations and logins in the browser stay quick.
/// </summary>
public sealed class YaluPagesFactory(IMarketStore store) : WebApplicationFactory<YaluPagesFactory>
{
    /// <summary>Argon2id at the lowest cost: the tests measure pages, not the hash.</summary>
    public static PassphraseHasher CheapHasher { get; } = new() { MemoryKiB = 64, Passes = 1 };

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)).ConfigureWebHost(web => web
            .UseEnvironment(Environments.Production)
            .ConfigureServices(services => services.AddYaluWeb(store, o => o.Hasher = CheapHasher))
            .Configure(app => app.UseYaluApi()));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
}
