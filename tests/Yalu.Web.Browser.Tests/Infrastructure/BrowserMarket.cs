using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using Yalu.Storage;
using Yalu.Web.Demo;
using Yalu.Web.Hosting;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>
/// One market node for the browser tests: a temporary SQLite file seeded with the demo market (as a
/// fresh <c>yalu serve</c> seeds it), served by Kestrel on a real loopback port, and one headless
/// Debian chromium. Tests share it and run one after another (the node clears one round at a
/// time); each opens its own browser context, so cookies never leak between tests. Collects the
/// accessibility results and page weights and writes them to the test output at the end.
/// </summary>
public sealed class BrowserMarket : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yalu-browser-").FullName;
    private SqlMarketStore? _store;
    private YaluPagesFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _handles;

    /// <summary>Where artifacts go: TestResults beside the test assembly (screenshots, axe report, page weights).</summary>
    public static string OutputDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults");

    private string? _baseAddress;
    private DemoSeed? _seed;
    private string? _launchError;

    /// <summary>The node's address, e.g. http://127.0.0.1:41234 (no trailing slash); skips (or fails under CI) when chromium is missing.</summary>
    public string BaseAddress => Started(_baseAddress);

    /// <summary>The demo keeper's handle and the pass phrase the seed printed; skips (or fails under CI) when chromium is missing.</summary>
    public DemoSeed Seed => Started(_seed);

    /// <summary>The store behind the node, for checks the pages do not show; skips (or fails under CI) when chromium is missing.</summary>
    public IMarketStore Store => Started(_store);

    /// <summary>Accessibility results of every page checked, for the report.</summary>
    public AxeReport Axe { get; } = new();

    /// <summary>Compressed first-load weights of every page measured, for the report.</summary>
    public PageWeightReport Weights { get; } = new();

    /// <summary>The browser; skips (or fails under CI) when chromium is missing.</summary>
    public IBrowser Browser => Started(_browser);

    /// <summary>
    /// Starts the node and the browser, or nothing at all when chromium is missing: then every test
    /// skips (or fails under CI) on its first use of the market, with <see cref="Chromium.MissingMessage"/>,
    /// instead of failing here, where a fixture's exception would fail every test.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        if (!Chromium.Found) return;
        var ct = TestContext.Current.CancellationToken;
        _store = await MarketStores.OpenAsync(Path.Combine(_directory, "yalu.db"), TimeProvider.System, ct);
        _seed = await DemoMarket.SeedIfFreshAsync(_store, YaluPagesFactory.CheapHasher, TimeProvider.System, withTraders: true, cancellationToken: ct)
            ?? throw new InvalidOperationException("a fresh database was not seeded");
        _factory = new YaluPagesFactory(_store);
        _factory.UseKestrel(0);
        _factory.StartServer();
        _baseAddress = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = [.. Chromium.Args],
            });
        }
        catch (PlaywrightException e)
        {
            // Reported by each test as one line rather than thrown here, where it would bury the cause under the fixture's.
            _launchError = $"chromium at {Chromium.ExecutablePath} did not start: {e.Message.Split('\n')[0]}";
        }
    }

    /// <summary>A part of the running market: a skip (a failure under CI) without chromium, a failure when it did not start.</summary>
    private T Started<T>(T? part) where T : class
    {
        Chromium.Require();
        if (_launchError is not null) Assert.Fail(_launchError);
        return part ?? throw new InvalidOperationException("the browser market did not start");
    }

    /// <summary>Writes the reports, stops the browser and the node, deletes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        Directory.CreateDirectory(OutputDirectory);
        if (Axe.Count > 0) await File.WriteAllTextAsync(Path.Combine(OutputDirectory, "axe.md"), Axe.ToMarkdown());
        if (Weights.Count > 0) await File.WriteAllTextAsync(Path.Combine(OutputDirectory, "page-weights.md"), Weights.ToMarkdown());
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        _dayGate.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A WAL file still closing: the temporary folder is the system's to clean.
        }
    }

    /// <summary>A fresh browser context (no cookies, no cache) with a viewport and, optionally, a browser language.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        // Generous: under CI every test project runs at once on two cores.
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private readonly SemaphoreSlim _dayGate = new(1, 1);
    private MarketDay? _day;

    /// <summary>
    /// The shared market day, made on first use: two traders and their lots (through the API), then
    /// the keeper starts a round on the pages and waits on its page until the result shows.
    /// </summary>
    public async Task<MarketDay> MarketDayAsync()
    {
        Chromium.Require();
        await _dayGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _day ??= await KeeperFlow.RunMarketDayAsync(this);
        }
        finally
        {
            _dayGate.Release();
        }
    }

    private (string Handle, string PassPhrase, string Lot)? _tourist;

    /// <summary>A trader (English) with one open lot, for visiting the trader pages; made on first use.</summary>
    public async Task<(string Handle, string PassPhrase, string Lot)> TouristAsync()
    {
        Chromium.Require();
        await _dayGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_tourist is { } known) return known;
            var (handle, phrase) = await RegisterByApiAsync("tourist", "en", "changbai");
            await using var context = await NewContextAsync();
            await LogInByApiAsync(context, handle, phrase);
            string lot = (await PostApiAsync(context, "/api/lots", new { good = "H08", quantity = 2, value = "120.00", note = "graded, this autumn" })).GetProperty("id").GetString()!;
            await PostApiAsync(context, $"/api/lots/{lot}/wants", new { entries = new object[] { new { good = "G01" } } }, "PUT");
            _tourist = (handle, phrase, lot);
            return _tourist.Value;
        }
        finally
        {
            _dayGate.Release();
        }
    }

    /// <summary>A handle no other test uses: a prefix and a counter.</summary>
    public string NewHandle(string prefix) => $"{prefix}-{Interlocked.Increment(ref _handles)}";

    /// <summary>
    /// Registers a trader through the JSON API (for tests whose subject is not registration) and
    /// returns the handle and pass phrase.
    /// </summary>
    public async Task<(string Handle, string PassPhrase)> RegisterByApiAsync(string prefix, string language = "en", string side = "hyesan")
    {
        string handle = NewHandle(prefix), phrase = "black pine 17 river";
        using var http = new HttpClient { BaseAddress = new Uri(BaseAddress) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/traders/register")
        {
            Content = JsonContent.Create(new { handle, passPhrase = phrase, side, language }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"registering {handle}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (handle, phrase);
    }

    /// <summary>Logs <paramref name="context"/> in through the JSON API: the session cookie lands in the context's cookie jar.</summary>
    public static async Task LogInByApiAsync(IBrowserContext context, string handle, string passPhrase)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await context.APIRequest.PostAsync("/api/traders/login", new APIRequestContextOptions
        {
            DataObject = new { handle, passPhrase },
        });
        Assert.True(response.Ok, $"logging in {handle}: {response.Status} {await response.TextAsync()}");
    }

    /// <summary>Calls a JSON write of the API as the context's session (with a fresh idempotency key).</summary>
    public static async Task<JsonElement> PostApiAsync(IBrowserContext context, string path, object body, string method = "POST")
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await context.APIRequest.FetchAsync(path, new APIRequestContextOptions
        {
            Method = method,
            DataObject = body,
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() },
        });
        string text = await response.TextAsync();
        Assert.True(response.Ok, $"{method} {path}: {response.Status} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
