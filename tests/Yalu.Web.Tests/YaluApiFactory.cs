using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yalu.Storage;
using Yalu.Web.Security;

namespace Yalu.Web.Tests;

/// <summary>
/// The node's API over a given store, through WebApplicationFactory: the same AddYaluWeb and
/// UseYaluApi that `yalu serve` runs (MapYaluApi is UseYaluApi on a WebApplication), with a cheap
/// pass-phrase hash so tests stay fast.
/// </summary>
public sealed class YaluApiFactory(IMarketStore store, TimeProvider clock, Action<YaluWebOptions>? configure = null) : WebApplicationFactory<YaluApiFactory>
{
    public static PassphraseHasher CheapHasher { get; } = new() { MemoryKiB = 64, Passes = 1 };

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)).ConfigureWebHost(web => web
            .ConfigureServices(services =>
            {
                services.AddSingleton(clock);
                services.AddYaluWeb(store, o =>
                {
                    o.Hasher = CheapHasher;
                    configure?.Invoke(o);
                });
            })
            .Configure(app => app.UseYaluApi()));

    // The factory guesses a content root beside the solution; the API serves no files, so the output folder will do.
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
}
