using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Yalu.Storage;
using Yalu.Web.Demo;
using Yalu.Web.Hosting;

namespace Yalu.Web.Tests;

/// <summary>The node as `yalu serve` starts it: a fresh SQLite file, migrations, the demo market, Kestrel on a real port.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yalu-serve-").FullName;
    private SqlMarketStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _store = await MarketStores.OpenAsync(Path.Combine(_directory, "yalu.db"), TimeProvider.System, Ct);

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_fresh_node_seeds_a_demo_market_and_serves_registration_and_lots_over_real_HTTP()
    {
        Assert.Equal(Migration.For("Sqlite").Max(m => m.Version), await _store.SchemaVersionAsync(Ct));
        var seeded = await DemoMarket.SeedIfFreshAsync(_store, YaluApiFactory.CheapHasher, TimeProvider.System, withTraders: true, cancellationToken: Ct);
        Assert.NotNull(seeded);
        Assert.True(seeded.Goods >= 40);
        Assert.InRange(seeded.Traders, 24, 60);
        Assert.Null(await DemoMarket.SeedIfFreshAsync(_store, YaluApiFactory.CheapHasher, TimeProvider.System, withTraders: true, cancellationToken: Ct));
        Assert.True((await _store.ListOpenWantListsAsync(Ct)).Count >= seeded.Lots / 2);

        await using var factory = new YaluApiFactory(_store, TimeProvider.System);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var register = await http.PostAsJsonAsync("/api/traders/register", new { handle = "new-user", passPhrase = "black pine 17 river", language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        var login = await http.PostAsJsonAsync("/api/traders/login", new { handle = "new-user", passPhrase = "black pine 17 river" }, Ct);
        string token = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString()!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/lots") { Content = JsonContent.Create(new { good = "H08", quantity = 1.5, value = "90.00" }) };
        post.Headers.Authorization = new("Bearer", token);
        post.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await http.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var lots = await http.GetFromJsonAsync<JsonElement>("/api/lots?good=H08", Ct);
        Assert.Contains(lots.EnumerateArray(), l => l.GetProperty("owner").GetString() == "new-user");
        var keeperLogin = await http.PostAsJsonAsync("/api/traders/login", new { handle = seeded.KeeperHandle, passPhrase = seeded.KeeperPassPhrase }, Ct);
        Assert.Equal("keeper", (await keeperLogin.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("trader").GetProperty("role").GetString());
    }
}
