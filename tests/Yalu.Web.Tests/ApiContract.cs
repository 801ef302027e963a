using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Demo;
using Yalu.Testing;

namespace Yalu.Web.Tests;

/// <summary>
/// The API suite, written once: each provider's class supplies a fresh, empty store per test (xunit
/// makes one instance per test); the store gets the demo catalog and the API runs over it through
/// WebApplicationFactory.
/// </summary>
public abstract partial class ApiContract : IAsyncLifetime
{
    protected TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected SqlMarketStore Store { get; private set; } = null!;

    protected YaluApiFactory Factory { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<SqlMarketStore> OpenStoreAsync(TimeProvider clock);

    public virtual async ValueTask InitializeAsync()
    {
        Store = await OpenStoreAsync(Clock);
        await Store.UpsertGoodsAsync(DemoMarket.Catalog(), null, Ct);
        Factory = new YaluApiFactory(Store, Clock);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected sealed record Caller(string Name, string? Token, string? Id, string? Handle);

    protected HttpClient Client(Caller? caller = null)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        if (caller?.Token is { } token) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    protected async Task<JsonElement> RegisterAsync(string handle, string phrase = "black pine 17 river", object? extra = null)
    {
        using var client = Client();
        var response = await client.PostAsync("/api/traders/register", Json(extra ?? new { handle, passPhrase = phrase }), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    protected async Task<Caller> TraderAsync(string handle, bool keeper = false)
    {
        var registered = await RegisterAsync(handle);
        string id = registered.GetProperty("id").GetString()!;
        if (keeper)
        {
            var trader = (await Store.GetTraderAsync(new TraderId(Guid.Parse(id)), Ct))!;
            Assert.True((await Store.UpdateTraderAsync(trader.WithRole(Role.Keeper), null, Ct)).IsOk);
        }
        using var client = Client();
        var login = await client.PostAsync("/api/traders/login", Json(new { handle, passPhrase = "black pine 17 river" }), Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        string token = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString()!;
        return new Caller(handle, token, id, handle);
    }

    protected async Task<string> LotAsync(Caller owner, string good = "G01", decimal quantity = 2.5m, string value = "10.50")
    {
        using var client = Client(owner);
        var response = await client.PostAsync("/api/lots", Json(new { good, quantity, value, note = "from my garden" }), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    /// <summary>A lot posted straight into the store (for when the owner's session is gone).</summary>
    protected async Task<string> StoreLotAsync(Caller owner)
    {
        var lot = Lot.Post(new TraderId(Guid.Parse(owner.Id!)), Market.Catalog.GoodId.Parse("G01"), Quantity.Of(2, "kg"), "", Money.Parse("9.00"), false, null, Clock).Value;
        return (await Store.AddLotAsync(lot, null, Ct)).Id.ToString();
    }

    protected static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
    }

    private sealed record Row(string Name, HttpMethod Method, Func<string, string> Path, Func<Caller, object?> Body, int Anonymous, int A, int B, int Keeper);

    [Fact]
    public async Task The_open_lot_list_is_kept_between_writes_and_never_shown_stale_after_one()
    {
        var kim = await TraderAsync("kim");
        string first = await LotAsync(kim);
        using var anonymous = Client();
        var listed = await anonymous.GetAsync("/api/lots", Ct);
        string body = await listed.Content.ReadAsStringAsync(Ct);
        var again = await anonymous.GetAsync("/api/lots", Ct);
        Assert.Equal(body, await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/json; charset=utf-8", again.Content.Headers.ContentType?.ToString());

        // A write through the API, then one straight into the store (as another node would): each shows at once.
        string second = await LotAsync(kim, "S01");
        Assert.Equal(new[] { first, second }.Order(), (await OpenLotIdsAsync()).Order());
        string third = await StoreLotAsync(kim);
        Assert.Equal(new[] { first, second, third }.Order(), (await OpenLotIdsAsync()).Order());
        using var owner = Client(kim);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/lots/{first}/withdraw", null, Ct)).StatusCode);
        Assert.DoesNotContain(first, await OpenLotIdsAsync());

        async Task<string[]> OpenLotIdsAsync()
        {
            using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/api/lots", Ct));
            return [.. document.RootElement.EnumerateArray().Select(l => l.GetProperty("id").GetString()!)];
        }
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_table_says_and_nothing_else()
    {
        var a = await TraderAsync("trader-a");
        var b = await TraderAsync("trader-b");
        var keeper = await TraderAsync("keeper-k", keeper: true);
        var anonymous = new Caller("anonymous", null, null, null);
        string lotOfB = await LotAsync(b, "S01", 1, "12.00");
        int fresh = 0;
        string today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (round, confirmLeg, failLeg) = await ClearedRoundAsync(keeper, a, b);
        string iouToAccept = await ProposeIouAsync(a, b, "2.00");
        string iouToDecline = await ProposeIouAsync(a, b, "1.00");

        // {lot} is a fresh open lot of trader A for every request, so a withdrawal never spoils the next row.
        Row[] table =
        [
            new("register", HttpMethod.Post, _ => "/api/traders/register", _ => new { handle = $"new-{++fresh}", passPhrase = "a long pass phrase" }, 201, 201, 201, 201),
            new("login", HttpMethod.Post, _ => "/api/traders/login", _ => new { handle = "trader-a", passPhrase = "black pine 17 river" }, 200, 200, 200, 200),
            new("me", HttpMethod.Get, _ => "/api/traders/me", _ => null, 401, 200, 200, 200),
            new("catalog", HttpMethod.Get, _ => "/api/catalog/goods", _ => null, 200, 200, 200, 200),
            new("good", HttpMethod.Get, _ => "/api/catalog/goods/G01", _ => null, 200, 200, 200, 200),
            new("search lots", HttpMethod.Get, _ => "/api/lots?category=grain&side=hyesan", _ => null, 200, 200, 200, 200),
            new("get open lot", HttpMethod.Get, lot => $"/api/lots/{lot}", _ => null, 200, 200, 200, 200),
            new("my lots", HttpMethod.Get, _ => "/api/lots/mine", _ => null, 401, 200, 200, 200),
            new("post lot", HttpMethod.Post, _ => "/api/lots", _ => new { good = "G04", quantity = 5, value = "8.00" }, 401, 201, 201, 201),
            new("edit lot of A", HttpMethod.Patch, lot => $"/api/lots/{lot}", _ => new { value = "11.00" }, 401, 200, 403, 403),
            new("withdraw lot of A", HttpMethod.Post, lot => $"/api/lots/{lot}/withdraw", _ => null, 401, 200, 403, 403),
            new("set wants of A's lot", HttpMethod.Put, lot => $"/api/lots/{lot}/wants", _ => new { entries = new object[] { new { lot = lotOfB }, new { good = "G02" }, new { category = "seafood", minPercent = 80 } } }, 401, 200, 403, 403),
            new("get wants of A's lot", HttpMethod.Get, lot => $"/api/lots/{lot}/wants", _ => null, 401, 200, 403, 403),
            new("record rate", HttpMethod.Post, _ => "/api/rates", _ => new { kpwPerCny = 4920, date = today, place = "Hyesan" }, 401, 403, 403, 201),
            new("list rates", HttpMethod.Get, _ => "/api/rates", _ => null, 200, 200, 200, 200),
            new("price board", HttpMethod.Get, _ => "/api/prices", _ => null, 200, 200, 200, 200),
            new("openapi", HttpMethod.Get, _ => "/openapi/v1.json", _ => null, 200, 200, 200, 200),
            new("start round", HttpMethod.Post, _ => "/api/rounds", _ => new { cycleCap = 3, timeLimitSeconds = 5 }, 401, 403, 403, 202),
            new("get round", HttpMethod.Get, _ => $"/api/rounds/{round}", _ => null, 200, 200, 200, 200),
            new("round result", HttpMethod.Get, _ => $"/api/rounds/{round}/result", _ => null, 401, 403, 403, 200),
            new("my slip", HttpMethod.Get, _ => $"/api/rounds/{round}/slip", _ => null, 401, 200, 200, 200),
            new("A's slip", HttpMethod.Get, _ => $"/api/rounds/{round}/slip?trader=trader-a", _ => null, 401, 200, 403, 200),
            new("confirm leg", HttpMethod.Post, _ => $"/api/legs/{confirmLeg}/confirm", _ => null, 401, 403, 403, 200),
            new("fail leg", HttpMethod.Post, _ => $"/api/legs/{failLeg}/fail", _ => null, 401, 403, 403, 200),
            new("my credit", HttpMethod.Get, _ => "/api/credit/me", _ => null, 401, 200, 200, 200),
            new("ledger", HttpMethod.Get, _ => "/api/credit/ledger", _ => null, 401, 403, 403, 200),
            new("set limit", HttpMethod.Put, _ => "/api/credit/limits/trader-b", _ => new { limit = "5.00" }, 401, 403, 403, 200),
            new("my IOUs", HttpMethod.Get, _ => "/api/ious", _ => null, 401, 200, 200, 200),
            new("propose IOU to B", HttpMethod.Post, _ => "/api/ious", _ => new { debtor = "trader-b", amount = "1.00" }, 401, 201, 422, 201),
            new("accept A's IOU to B", HttpMethod.Post, _ => $"/api/ious/{iouToAccept}/accept", _ => null, 401, 403, 200, 404),
            new("decline A's IOU to B", HttpMethod.Post, _ => $"/api/ious/{iouToDecline}/decline", _ => null, 401, 200, 409, 404),
            new("run set-off", HttpMethod.Post, _ => "/api/setoff", _ => null, 401, 403, 403, 200),
            new("set-off runs", HttpMethod.Get, _ => "/api/setoff", _ => null, 401, 403, 403, 200),
            new("logout", HttpMethod.Post, _ => "/api/traders/logout", _ => null, 401, 204, 204, 204),
        ];

        var failures = new List<string>();
        foreach (var row in table)
        {
            foreach (var (caller, expected) in new[] { (anonymous, row.Anonymous), (a, row.A), (b, row.B), (keeper, row.Keeper) })
            {
                string lot = await StoreLotAsync(a);
                using var client = Client(caller);
                using var request = new HttpRequestMessage(row.Method, row.Path(lot));
                if (row.Body(caller) is { } body) request.Content = Json(body);
                var response = await client.SendAsync(request, Ct);
                if ((int)response.StatusCode != expected)
                    failures.Add($"{row.Name} as {caller.Name}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
                else if (expected >= 400)
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_trader_cannot_give_themselves_a_role_a_credit_limit_or_another_owner()
    {
        var registered = await RegisterAsync("sneaky", extra: new
        {
            handle = "sneaky", passPhrase = "black pine 17 river", role = "keeper", creditLimit = "100000.00", id = Guid.NewGuid(),
        });
        Assert.Equal("trader", registered.GetProperty("role").GetString());
        Assert.Equal("0.00", registered.GetProperty("creditLimit").GetString());
        var stored = await Store.FindTraderAsync(Handle.Parse("sneaky"), Ct);
        Assert.Equal(Role.Trader, stored!.Role);
        Assert.Equal(Money.Zero, stored.CreditLimit);

        var sneaky = await TraderAsync("sneaky2");
        var victim = await TraderAsync("victim");
        using var client = Client(sneaky);
        var response = await client.PostAsync("/api/lots", Json(new
        {
            good = "G01", quantity = 1, value = "5.00", owner = victim.Id, state = "matched", version = 99, id = Guid.NewGuid(),
        }), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lot = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("sneaky2", lot.GetProperty("owner").GetString());
        Assert.Equal("open", lot.GetProperty("state").GetString());
        Assert.Equal(1, lot.GetProperty("version").GetInt64());

        var rate = await client.PostAsync("/api/rates", Json(new { kpwPerCny = 1, role = "keeper" }), Ct);
        await AssertProblemAsync(rate, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Eight_parallel_requests_with_one_idempotency_key_have_exactly_one_effect()
    {
        var a = await TraderAsync("parallel");
        string key = Guid.NewGuid().ToString();
        var body = new { good = "S01", quantity = 2, value = "20.00", note = "one lot only" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = Client(a);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/lots") { Content = Json(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request, Ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct), Location: response.Headers.Location?.ToString(),
                Replayed: response.Headers.Contains("Idempotency-Replayed"));
        }));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Body).Distinct());
        Assert.Single(responses.Select(r => r.Location).Distinct());
        Assert.Equal(7, responses.Count(r => r.Replayed));
        var lots = await Store.ListLotsAsync(null, Ct);
        Assert.Single(lots, l => l.Owner.ToString() == a.Id);

        using var again = Client(a);
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/lots") { Content = Json(new { good = "S01", quantity = 3, value = "20.00" }) };
        other.Headers.Add("Idempotency-Key", key);
        await AssertProblemAsync(await again.SendAsync(other, Ct), HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.Single(await Store.ListLotsAsync(null, Ct), l => l.Owner.ToString() == a.Id);
    }

    [Fact]
    public async Task A_retried_registration_returns_the_first_response_and_registers_once()
    {
        var first = await SendWithKeyAsync("/api/traders/register", new { handle = "retry-me", passPhrase = "black pine 17 river" }, "reg-1");
        var second = await SendWithKeyAsync("/api/traders/register", new { handle = "retry-me", passPhrase = "black pine 17 river" }, "reg-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.Single(await Store.ListTradersAsync(Ct), t => t.Handle.Value == "retry-me");

        var without = await SendWithKeyAsync("/api/traders/register", new { handle = "retry-me", passPhrase = "black pine 17 river" }, null);
        Assert.Equal(HttpStatusCode.Conflict, without.Status);
        Assert.Contains("trader.handle_taken", without.Body, StringComparison.Ordinal);

        var invalidKey = await SendWithKeyAsync("/api/traders/register", new { handle = "other", passPhrase = "black pine 17 river" }, "has space");
        Assert.Equal(HttpStatusCode.BadRequest, invalidKey.Status);
        Assert.Contains("idempotency.key_invalid", invalidKey.Body, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendWithKeyAsync(string path, object body, string? key, Caller? caller = null)
    {
        using var client = Client(caller);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Login_is_refused_with_429_after_five_failures_for_a_handle_and_allowed_after_the_window()
    {
        await RegisterAsync("forgetful");
        using var client = Client();
        for (int i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsync("/api/traders/login", Json(new { handle = "forgetful", passPhrase = "wrong pass phrase" }), Ct);
            await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }
        var blocked = await client.PostAsync("/api/traders/login", Json(new { handle = "FORGETFUL", passPhrase = "black pine 17 river" }), Ct);
        await AssertProblemAsync(blocked, HttpStatusCode.TooManyRequests, "auth.throttled");
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.Zero || int.Parse(blocked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);

        // Another handle is not affected; after 15 minutes the right pass phrase works again.
        await RegisterAsync("someone-else");
        var other = await client.PostAsync("/api/traders/login", Json(new { handle = "someone-else", passPhrase = "black pine 17 river" }), Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(15));
        var later = await client.PostAsync("/api/traders/login", Json(new { handle = "forgetful", passPhrase = "black pine 17 river" }), Ct);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Login_sets_an_HttpOnly_strict_cookie_that_authenticates_and_logout_revokes_the_session()
    {
        await RegisterAsync("cookie-user");
        using var client = Client();
        var login = await client.PostAsync("/api/traders/login", Json(new { handle = "cookie-user", passPhrase = "black pine 17 river" }), Ct);
        string cookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        string token = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString()!;

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/traders/me");
        me.Headers.Add("Cookie", $"yalu_session={token}");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(me, Ct)).StatusCode);

        var caller = new Caller("cookie-user", token, null, "cookie-user");
        using var authed = Client(caller);
        Assert.Equal(HttpStatusCode.NoContent, (await authed.PostAsync("/api/traders/logout", null, Ct)).StatusCode);
        await AssertProblemAsync(await authed.GetAsync("/api/traders/me", Ct), HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task Errors_are_problem_details_with_stable_codes()
    {
        var a = await TraderAsync("errors-a");
        using var client = Client(a);
        await AssertProblemAsync(await client.GetAsync($"/api/lots/{Guid.CreateVersion7()}", Ct), HttpStatusCode.NotFound, "lot.not_found");
        await AssertProblemAsync(await client.GetAsync("/api/lots/not-an-id", Ct), HttpStatusCode.NotFound, "lot.not_found");
        await AssertProblemAsync(await client.GetAsync("/api/catalog/goods/Z99", Ct), HttpStatusCode.NotFound, "good.not_found");
        await AssertProblemAsync(await client.GetAsync("/api/no-such-thing", Ct), HttpStatusCode.NotFound, "route.not_found");

        var invalid = await client.PostAsync("/api/traders/register", Json(new { handle = "a b", passPhrase = "short", side = "moon" }), Ct);
        await AssertProblemAsync(invalid, HttpStatusCode.UnprocessableEntity, "validation.failed");
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("handle", out _));
        Assert.True(errors.TryGetProperty("passPhrase", out _));
        Assert.True(errors.TryGetProperty("side", out _));

        await RegisterAsync("taken");
        await AssertProblemAsync(await client.PostAsync("/api/traders/register", Json(new { handle = "TAKEN", passPhrase = "black pine 17 river" }), Ct),
            HttpStatusCode.Conflict, "trader.handle_taken");

        var badLot = await client.PostAsync("/api/lots", Json(new { good = "NOPE1", quantity = -1, value = "x" }), Ct);
        await AssertProblemAsync(badLot, HttpStatusCode.UnprocessableEntity, "validation.failed");

        string mine = await LotAsync(a);
        await AssertProblemAsync(await client.PutAsync($"/api/lots/{mine}/wants", Json(new { entries = new[] { new { lot = mine } } }), Ct),
            HttpStatusCode.UnprocessableEntity, "wants.own_lot");
        await AssertProblemAsync(await client.PutAsync($"/api/lots/{mine}/wants", Json(new { entries = new[] { new { lot = Guid.CreateVersion7().ToString() } } }), Ct),
            HttpStatusCode.UnprocessableEntity, "wants.unknown_lot");
        await AssertProblemAsync(await client.PatchAsync($"/api/lots/{mine}", Json(new { value = "1.00", version = 7 }), Ct), HttpStatusCode.Conflict, "lot.changed");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/lots/{mine}/withdraw", null, Ct)).StatusCode);
        await AssertProblemAsync(await client.PostAsync($"/api/lots/{mine}/withdraw", null, Ct), HttpStatusCode.Conflict, "lot.not_open");

        using var malformed = new StringContent("{not json", Encoding.UTF8, "application/json");
        await AssertProblemAsync(await client.PostAsync("/api/lots", malformed, Ct), HttpStatusCode.BadRequest, "request.malformed");
        using var huge = new StringContent(JsonSerializer.Serialize(new { good = "G01", quantity = 1, value = "1.00", note = new string('x', 70_000) }), Encoding.UTF8, "application/json");
        await AssertProblemAsync(await client.PostAsync("/api/lots", huge, Ct), HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task Search_finds_open_lots_by_good_category_and_side_and_hides_withdrawn_ones()
    {
        var a = await TraderAsync("hyesan-trader");
        using (var client = Client())
        {
            await client.PostAsync("/api/traders/register", Json(new { handle = "changbai-trader", passPhrase = "black pine 17 river", side = "changbai", language = "zh" }), Ct);
        }
        var b = await LoginAsync("changbai-trader");
        string rice = await LotAsync(a, "G01");
        string crab = await LotAsync(b, "S02");
        string gone = await LotAsync(b, "S03");
        using var bClient = Client(b);
        await bClient.PostAsync($"/api/lots/{gone}/withdraw", null, Ct);

        async Task<List<string>> Ids(string query)
        {
            using var anon = Client();
            var list = await anon.GetFromJsonAsync<JsonElement>("/api/lots" + query, Ct);
            return list.EnumerateArray().Select(l => l.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        }
        Assert.Equal(new[] { rice, crab }.Order(StringComparer.Ordinal), await Ids(""));
        Assert.Equal([rice], await Ids("?good=G01"));
        Assert.Equal([crab], await Ids("?category=seafood"));
        Assert.Equal([crab], await Ids("?side=changbai"));
        Assert.Empty(await Ids("?side=hyesan&category=seafood"));
        using var anonymous = Client();
        await AssertProblemAsync(await anonymous.GetAsync($"/api/lots/{gone}", Ct), HttpStatusCode.NotFound, "lot.not_found");
        Assert.Equal(HttpStatusCode.OK, (await bClient.GetAsync($"/api/lots/{gone}", Ct)).StatusCode);
        var mine = await bClient.GetFromJsonAsync<JsonElement>("/api/lots/mine", Ct);
        Assert.Equal(2, mine.GetArrayLength());
    }

    private async Task<Caller> LoginAsync(string handle)
    {
        using var client = Client();
        var login = await client.PostAsync("/api/traders/login", Json(new { handle, passPhrase = "black pine 17 river" }), Ct);
        var json = await login.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return new Caller(handle, json.GetProperty("token").GetString(), json.GetProperty("trader").GetProperty("id").GetString(), handle);
    }

    [Fact]
    public async Task The_price_board_shows_the_median_value_of_confirmed_legs_and_the_rate_in_effect()
    {
        var keeper = await TraderAsync("board-keeper", keeper: true);
        var a = await TraderAsync("board-a");
        var b = await TraderAsync("board-b");
        var la = await Store.GetLotAsync(LotId(await LotAsync(a, "G01", 2, "10.00")), Ct);
        var lb = await Store.GetLotAsync(LotId(await LotAsync(b, "G01", 4, "30.00")), Ct);
        var round = Round.Schedule(new TraderId(Guid.Parse(keeper.Id!)), RoundParameters.Create(3, 0, RoundObjective.Count, TimeSpan.FromSeconds(10)).Value, Clock);
        await Store.AddRoundAsync(round, null, Ct);
        var running = (await Store.UpdateRoundAsync(round.Start().Value, RoundState.Scheduled, null, Ct)).Value;
        var legs = new[]
        {
            new Leg(LegId.New(Clock), round.Id, 0, 0, la!.Owner, la.Id, lb!.Owner, LegState.Pending),
            new Leg(LegId.New(Clock), round.Id, 0, 1, lb.Owner, lb.Id, la.Owner, LegState.Pending),
        };
        Assert.True((await Store.StoreRoundResultAsync(running.Clear(Clock.GetUtcNow()).Value, legs, null, Ct)).IsOk);
        var book = new TradeBook(await Store.ListLotsAsync(null, Ct), await Store.ListLegsAsync(round.Id, Ct));
        foreach (var leg in legs)
        {
            var change = book.Confirm(leg.Id);
            Assert.True(change.IsOk);
            Assert.True((await Store.ApplyAsync(change.Value, "leg.confirmed", null, Ct)).IsOk);
            book = new TradeBook(await Store.ListLotsAsync(null, Ct), await Store.ListLegsAsync(round.Id, Ct));
        }
        using var keeperClient = Client(keeper);
        Assert.Equal(HttpStatusCode.Created, (await keeperClient.PostAsync("/api/rates", Json(new { kpwPerCny = 1000 }), Ct)).StatusCode);

        using var anonymous = Client();
        var board = await anonymous.GetFromJsonAsync<JsonElement>("/api/prices", Ct);
        var row = Assert.Single(board.GetProperty("goods").EnumerateArray());
        Assert.Equal("G01", row.GetProperty("good").GetString());
        Assert.Equal(2, row.GetProperty("legs").GetInt32());
        Assert.Equal("10.00", row.GetProperty("medianValue").GetString());
        Assert.Equal("5.00", row.GetProperty("medianPerUnit").GetString());
        Assert.Equal(5000m, row.GetProperty("medianPerUnitKpw").GetDecimal());
        Assert.Equal(1000m, board.GetProperty("rate").GetProperty("kpwPerCny").GetDecimal());
    }

    private static LotId LotId(string text) => new(Guid.Parse(text));

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint()
    {
        using var client = Client();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (string path in new[]
        {
            "/api/traders/register", "/api/traders/login", "/api/traders/logout", "/api/traders/me", "/api/catalog/goods", "/api/catalog/goods/{id}",
            "/api/lots", "/api/lots/mine", "/api/lots/{id}", "/api/lots/{id}/withdraw", "/api/lots/{id}/wants", "/api/rates", "/api/prices",
        })
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), $"{path} is not in the OpenAPI document");
        Assert.True(paths.GetProperty("/api/lots/{id}").TryGetProperty("patch", out _));
    }
}
