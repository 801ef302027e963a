using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Yalu.Market.Trading;
using Yalu.Web.Rounds;

namespace Yalu.Web.Tests;

/// <summary>Rounds and legs through the API: clearing, progress, slips, confirmations, no-shows, and a whole market day.</summary>
public abstract partial class ApiContract
{
    /// <summary>A cleared round made straight in the store: two loops between A and B, each of two pending legs.</summary>
    private async Task<(string Round, string ConfirmLeg, string FailLeg)> ClearedRoundAsync(Caller keeper, Caller a, Caller b)
    {
        var round = Round.Schedule(new TraderId(Guid.Parse(keeper.Id!)), RoundParameters.Default, Clock);
        await Store.AddRoundAsync(round, null, Ct);
        var running = (await Store.UpdateRoundAsync(round.Start().Value, RoundState.Scheduled, null, Ct)).Value;
        var legs = new List<Leg>();
        for (int exchange = 0; exchange < 2; exchange++)
        {
            var la = (await Store.GetLotAsync(LotId(await StoreLotAsync(a)), Ct))!;
            var lb = (await Store.GetLotAsync(LotId(await StoreLotAsync(b)), Ct))!;
            legs.Add(new Leg(LegId.New(Clock), round.Id, exchange, 0, la.Owner, la.Id, lb.Owner, LegState.Pending));
            legs.Add(new Leg(LegId.New(Clock), round.Id, exchange, 1, lb.Owner, lb.Id, la.Owner, LegState.Pending));
        }
        Assert.True((await Store.StoreRoundResultAsync(running.Clear(Clock.GetUtcNow()).Value, legs, null, Ct)).IsOk);
        return (round.Id.ToString(), legs[0].Id.ToString(), legs[2].Id.ToString());
    }

    private async Task<HttpResponseMessage> PostAsync(Caller caller, string path, object? body = null, string? key = null)
    {
        using var client = Client(caller);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : Json(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    private async Task<JsonElement> GetJsonAsync(Caller? caller, string path)
    {
        using var client = Client(caller);
        var response = await client.GetAsync(path, Ct);
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task SetWantsAsync(Caller owner, string lot, params object[] entries)
    {
        using var client = Client(owner);
        var response = await client.PutAsync($"/api/lots/{lot}/wants", Json(new { entries }), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Starts a round (202) and waits until it is cleared; returns its final state.</summary>
    private async Task<JsonElement> RunRoundAsync(Caller keeper, object body, string? key = null)
    {
        var response = await PostAsync(keeper, "/api/rounds", body, key ?? Guid.NewGuid().ToString());
        string text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"start round: {(int)response.StatusCode} {text}");
        var started = JsonDocument.Parse(text).RootElement;
        string id = started.GetProperty("id").GetString()!;
        Assert.Equal($"/api/rounds/{id}", response.Headers.Location?.ToString());
        var round = await WaitForRoundAsync(id);
        Assert.True(round.GetProperty("state").GetString() == "cleared", $"round {id} did not clear: {round}");
        return round;
    }

    private async Task<JsonElement> WaitForRoundAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var round = await GetJsonAsync(null, $"/api/rounds/{id}");
            string state = round.GetProperty("state").GetString()!;
            if (state is "cleared" or "failed") return round;
            Assert.True(DateTime.UtcNow < deadline, $"round {id} is still {state} after two minutes: {round}");
            var progress = round.GetProperty("progress");
            Assert.InRange(progress.GetProperty("percent").GetInt32(), 0, 100);
            await Task.Delay(50, Ct);
        }
    }

    private static List<JsonElement> AllLegs(JsonElement result) =>
        [.. result.GetProperty("loops").EnumerateArray().Concat(result.GetProperty("chains").EnumerateArray())
            .SelectMany(e => e.GetProperty("legs").EnumerateArray())];

    /// <summary>
    /// A small market: a, b and c want each other's lots around a triangle; d wants a's lot but nobody
    /// wants d's; e, f, g, h want each other around a square, which a cycle cap of 3 cannot clear.
    /// </summary>
    private async Task<(Caller Keeper, Dictionary<string, Caller> Traders, Dictionary<string, string> Lots)> CraftedMarketAsync()
    {
        var keeper = await TraderAsync("round-keeper", keeper: true);
        var traders = new Dictionary<string, Caller>();
        var lots = new Dictionary<string, string>();
        foreach (string name in new[] { "a", "b", "c", "d", "e", "f", "g", "h" })
        {
            traders[name] = await TraderAsync("trader-" + name);
            lots[name] = await LotAsync(traders[name], "G01", 2, "10.00");
        }
        await SetWantsAsync(traders["a"], lots["a"], new { lot = lots["b"] });
        await SetWantsAsync(traders["b"], lots["b"], new { lot = lots["c"] });
        await SetWantsAsync(traders["c"], lots["c"], new { lot = lots["a"] });
        await SetWantsAsync(traders["d"], lots["d"], new { lot = lots["a"] });
        await SetWantsAsync(traders["e"], lots["e"], new { lot = lots["f"] });
        await SetWantsAsync(traders["f"], lots["f"], new { lot = lots["g"] });
        await SetWantsAsync(traders["g"], lots["g"], new { lot = lots["h"] });
        await SetWantsAsync(traders["h"], lots["h"], new { lot = lots["e"] });
        return (keeper, traders, lots);
    }

    [Fact]
    public async Task A_round_clears_the_crafted_market_into_the_one_loop_within_the_cap_and_its_progress_reaches_done()
    {
        var (keeper, _, lots) = await CraftedMarketAsync();
        var round = await RunRoundAsync(keeper, new { cycleCap = 3, chainCap = 0, objective = "count", timeLimitSeconds = 10 });
        Assert.Equal("done", round.GetProperty("progress").GetProperty("phase").GetString());
        Assert.Equal(100, round.GetProperty("progress").GetProperty("percent").GetInt32());
        Assert.Equal("round-keeper", round.GetProperty("keeper").GetString());
        Assert.Equal(3, round.GetProperty("parameters").GetProperty("cycleCap").GetInt32());
        Assert.Equal(10, round.GetProperty("parameters").GetProperty("timeLimitSeconds").GetDouble());
        var summary = round.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("loops").GetInt32());
        Assert.Equal(0, summary.GetProperty("chains").GetInt32());
        Assert.Equal(3, summary.GetProperty("legs").GetInt32());
        Assert.Equal(3, summary.GetProperty("pending").GetInt32());
        Assert.Equal("optimal", summary.GetProperty("engine").GetString());
        Assert.Equal(3, summary.GetProperty("objective").GetDouble());
        Assert.True(round.TryGetProperty("finishedAt", out var finished) && finished.ValueKind == JsonValueKind.String);

        string id = round.GetProperty("id").GetString()!;
        var result = await GetJsonAsync(keeper, $"/api/rounds/{id}/result");
        var loop = Assert.Single(result.GetProperty("loops").EnumerateArray());
        Assert.Equal("loop", loop.GetProperty("kind").GetString());
        Assert.Empty(result.GetProperty("chains").EnumerateArray());
        // Who gets what: a's lot goes to c, b's to a, c's to b, whatever the loop's starting point.
        var given = loop.GetProperty("legs").EnumerateArray().ToDictionary(
            l => l.GetProperty("lot").GetProperty("id").GetString()!, l => (Giver: l.GetProperty("giver").GetString(), Receiver: l.GetProperty("receiver").GetString()));
        Assert.Equal(("trader-a", "trader-c"), given[lots["a"]]);
        Assert.Equal(("trader-b", "trader-a"), given[lots["b"]]);
        Assert.Equal(("trader-c", "trader-b"), given[lots["c"]]);
        Assert.All(loop.GetProperty("legs").EnumerateArray(), l =>
        {
            Assert.Equal("pending", l.GetProperty("state").GetString());
            Assert.Matches("^[2-9A-HJKMNP-Z]{6}$", l.GetProperty("code").GetString());
        });

        // The traded lots are matched; the square (beyond the cap) and d's lot stay open.
        var open = (await GetJsonAsync(null, "/api/lots")).EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(lots["a"], open);
        Assert.DoesNotContain(lots["c"], open);
        foreach (string name in new[] { "d", "e", "f", "g", "h" }) Assert.Contains(lots[name], open);
    }

    [Fact]
    public async Task A_slip_says_whom_to_meet_what_to_hand_over_and_what_to_receive_with_one_code_per_leg()
    {
        var (keeper, traders, lots) = await CraftedMarketAsync();
        string id = (await RunRoundAsync(keeper, new { cycleCap = 3 })).GetProperty("id").GetString()!;

        var slip = await GetJsonAsync(traders["a"], $"/api/rounds/{id}/slip");
        Assert.Equal("trader-a", slip.GetProperty("trader").GetProperty("handle").GetString());
        var entries = slip.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("give", entries[0].GetProperty("action").GetString());
        Assert.Equal("trader-c", entries[0].GetProperty("meet").GetProperty("handle").GetString());
        Assert.Equal("hyesan", entries[0].GetProperty("meet").GetProperty("side").GetString());
        Assert.Equal(lots["a"], entries[0].GetProperty("lot").GetProperty("id").GetString());
        Assert.Equal("G01", entries[0].GetProperty("lot").GetProperty("good").GetString());
        Assert.Equal("쌀", entries[0].GetProperty("lot").GetProperty("name").GetString());
        Assert.Equal(2m, entries[0].GetProperty("lot").GetProperty("quantity").GetDecimal());
        Assert.Equal("receive", entries[1].GetProperty("action").GetString());
        Assert.Equal("trader-b", entries[1].GetProperty("meet").GetProperty("handle").GetString());
        Assert.Equal(lots["b"], entries[1].GetProperty("lot").GetProperty("id").GetString());

        // The giver's and the receiver's slips show the same leg with the same code.
        var ofC = (await GetJsonAsync(traders["c"], $"/api/rounds/{id}/slip")).GetProperty("entries").EnumerateArray().ToList();
        var cReceives = Assert.Single(ofC, e => e.GetProperty("action").GetString() == "receive");
        Assert.Equal(entries[0].GetProperty("leg").GetString(), cReceives.GetProperty("leg").GetString());
        Assert.Equal(entries[0].GetProperty("code").GetString(), cReceives.GetProperty("code").GetString());

        Assert.Empty((await GetJsonAsync(traders["d"], $"/api/rounds/{id}/slip")).GetProperty("entries").EnumerateArray());
        var forKeeper = await GetJsonAsync(keeper, $"/api/rounds/{id}/slip?trader=trader-b");
        Assert.Equal(2, forKeeper.GetProperty("entries").GetArrayLength());

        using var d = Client(traders["d"]);
        await AssertProblemAsync(await d.GetAsync($"/api/rounds/{id}/slip?trader=trader-a", Ct), HttpStatusCode.Forbidden, "auth.forbidden");
        await AssertProblemAsync(await d.GetAsync($"/api/rounds/{id}/result", Ct), HttpStatusCode.Forbidden, "auth.forbidden");
        using var k = Client(keeper);
        await AssertProblemAsync(await k.GetAsync($"/api/rounds/{id}/slip?trader=nobody-here", Ct), HttpStatusCode.NotFound, "trader.not_found");
    }

    [Fact]
    public async Task Confirming_a_leg_hands_its_lot_over_once_and_a_retry_with_its_key_replays()
    {
        var (keeper, traders, lots) = await CraftedMarketAsync();
        string id = (await RunRoundAsync(keeper, new { cycleCap = 3 })).GetProperty("id").GetString()!;
        var legs = AllLegs(await GetJsonAsync(keeper, $"/api/rounds/{id}/result"));
        var leg = legs.Single(l => l.GetProperty("lot").GetProperty("id").GetString() == lots["a"]);
        string legId = leg.GetProperty("id").GetString()!;

        var first = await PostAsync(keeper, $"/api/legs/{legId}/confirm", key: "confirm-1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var change = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var confirmed = Assert.Single(change.GetProperty("legs").EnumerateArray());
        Assert.Equal("confirmed", confirmed.GetProperty("state").GetString());
        Assert.Empty(change.GetProperty("reopenedLots").EnumerateArray());

        var replay = await PostAsync(keeper, $"/api/legs/{legId}/confirm", key: "confirm-1");
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotency-Replayed"));
        await AssertProblemAsync(await PostAsync(keeper, $"/api/legs/{legId}/confirm"), HttpStatusCode.Conflict, "leg.not_pending");
        await AssertProblemAsync(await PostAsync(keeper, $"/api/legs/{legId}/fail"), HttpStatusCode.Conflict, "leg.not_pending");
        await AssertProblemAsync(await PostAsync(keeper, $"/api/legs/{Guid.CreateVersion7()}/confirm"), HttpStatusCode.NotFound, "leg.not_found");
        await AssertProblemAsync(await PostAsync(keeper, "/api/legs/not-a-leg/fail"), HttpStatusCode.NotFound, "leg.not_found");

        var lot = await GetJsonAsync(traders["a"], $"/api/lots/{lots["a"]}");
        Assert.Equal("handed_over", lot.GetProperty("state").GetString());
        var summary = (await GetJsonAsync(null, $"/api/rounds/{id}")).GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("confirmed").GetInt32());
        Assert.Equal(2, summary.GetProperty("pending").GetInt32());
        var events = await Store.ReadEventsAsync(0, 10_000, Ct);
        Assert.Single(events, e => e.Kind == "leg.confirmed");
    }

    [Fact]
    public async Task A_no_show_fails_the_leg_releases_its_loop_reopens_the_lots_and_the_next_round_clears_them_again()
    {
        var (keeper, _, lots) = await CraftedMarketAsync();
        string first = (await RunRoundAsync(keeper, new { cycleCap = 3 })).GetProperty("id").GetString()!;
        var legs = AllLegs(await GetJsonAsync(keeper, $"/api/rounds/{first}/result"));
        string noShow = legs.Single(l => l.GetProperty("lot").GetProperty("id").GetString() == lots["b"]).GetProperty("id").GetString()!;

        var response = await PostAsync(keeper, $"/api/legs/{noShow}/fail", key: "no-show-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var states = change.GetProperty("legs").EnumerateArray().Select(l => l.GetProperty("state").GetString()).ToList();
        Assert.Equal(["failed", "released", "released"], states);
        Assert.Equal(new[] { lots["a"], lots["b"], lots["c"] }.Order(StringComparer.Ordinal),
            change.GetProperty("reopenedLots").EnumerateArray().Select(l => l.GetString()!).Order(StringComparer.Ordinal));

        var open = (await GetJsonAsync(null, "/api/lots")).EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { lots["a"], lots["b"], lots["c"] }, open);
        var summary = (await GetJsonAsync(null, $"/api/rounds/{first}")).GetProperty("summary");
        Assert.Equal((0, 1, 2), (summary.GetProperty("pending").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("released").GetInt32()));
        await AssertProblemAsync(await PostAsync(keeper, $"/api/legs/{legs[0].GetProperty("id").GetString()}/confirm"), HttpStatusCode.Conflict, "leg.not_pending");

        var second = await RunRoundAsync(keeper, new { cycleCap = 3 });
        var again = AllLegs(await GetJsonAsync(keeper, $"/api/rounds/{second.GetProperty("id").GetString()}/result"));
        Assert.Equal(new[] { lots["a"], lots["b"], lots["c"] }.Order(StringComparer.Ordinal),
            again.Select(l => l.GetProperty("lot").GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(again, l => Assert.Equal("pending", l.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Starting_a_round_is_validated_one_at_a_time_and_idempotent()
    {
        var keeper = await TraderAsync("busy-keeper", keeper: true);
        var invalid = await PostAsync(keeper, "/api/rounds", new { cycleCap = 9, chainCap = -1, objective = "luck", timeLimitSeconds = 0 });
        await AssertProblemAsync(invalid, HttpStatusCode.UnprocessableEntity, "validation.failed");
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (string field in new[] { "cycleCap", "chainCap", "objective", "timeLimitSeconds" }) Assert.True(errors.TryGetProperty(field, out _), field);

        // A round holds the lane (one not finished in the store): another cannot start.
        var scheduler = Factory.Services.GetRequiredService<RoundScheduler>();
        var holder = RoundId.New(Clock);
        Assert.True(scheduler.TryReserve(holder));
        await AssertProblemAsync(await PostAsync(keeper, "/api/rounds", new { }), HttpStatusCode.Conflict, "round.running");
        scheduler.Release(holder);

        // No body at all takes the defaults; the same key again replays the first 202 and starts nothing more.
        var first = await PostAsync(keeper, "/api/rounds", key: "round-1");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, body.GetProperty("parameters").GetProperty("cycleCap").GetInt32());
        Assert.Equal("count", body.GetProperty("parameters").GetProperty("objective").GetString());
        var retry = await PostAsync(keeper, "/api/rounds", key: "round-1");
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(body.GetProperty("id").GetString(), (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString());
        var done = await WaitForRoundAsync(body.GetProperty("id").GetString()!);
        Assert.Equal("cleared", done.GetProperty("state").GetString());
        Assert.Equal(0, done.GetProperty("summary").GetProperty("legs").GetInt32());
        Assert.Single(await Store.ReadEventsAsync(0, 10_000, Ct), e => e.Kind == "round.scheduled");

        using var anonymous = Client();
        await AssertProblemAsync(await anonymous.GetAsync($"/api/rounds/{Guid.CreateVersion7()}", Ct), HttpStatusCode.NotFound, "round.not_found");
        await AssertProblemAsync(await anonymous.GetAsync("/api/rounds/nope", Ct), HttpStatusCode.NotFound, "round.not_found");

        // A round stored as scheduled by a node that stopped has no result yet.
        var stalled = Round.Schedule(new TraderId(Guid.Parse(keeper.Id!)), RoundParameters.Default, Clock);
        await Store.AddRoundAsync(stalled, null, Ct);
        var view = await GetJsonAsync(null, $"/api/rounds/{stalled.Id}");
        Assert.Equal("interrupted", view.GetProperty("progress").GetProperty("phase").GetString());
        using var k = Client(keeper);
        await AssertProblemAsync(await k.GetAsync($"/api/rounds/{stalled.Id}/result", Ct), HttpStatusCode.Conflict, "round.running");
        await AssertProblemAsync(await k.GetAsync($"/api/rounds/{stalled.Id}/slip", Ct), HttpStatusCode.Conflict, "round.running");

        // One round at a time is scheduled or running in the store: the stalled one ends first (ApiContract.Nodes: a start does that itself).
        Assert.True((await Store.UpdateRoundAsync(stalled.Fail(Clock.GetUtcNow()).Value, RoundState.Scheduled, null, Ct)).IsOk);

        // A round already final in the store whose worker has not yet let go of the lane does not block the next one.
        var finished = Round.Schedule(new TraderId(Guid.Parse(keeper.Id!)), RoundParameters.Default, Clock);
        await Store.AddRoundAsync(finished, null, Ct);
        var running = (await Store.UpdateRoundAsync(finished.Start().Value, RoundState.Scheduled, null, Ct)).Value;
        Assert.True((await Store.StoreRoundResultAsync(running.Clear(Clock.GetUtcNow()).Value, [], null, Ct)).IsOk);
        Assert.True(scheduler.TryReserve(finished.Id));
        var next = await PostAsync(keeper, "/api/rounds", new { cycleCap = 2 });
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        var nextRound = await WaitForRoundAsync((await next.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);
        Assert.Equal("cleared", nextRound.GetProperty("state").GetString());
        scheduler.Release(finished.Id);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_round_and_leg_endpoints()
    {
        using var client = Client();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct)).GetProperty("paths");
        foreach (string path in new[] { "/api/rounds", "/api/rounds/{id}", "/api/rounds/{id}/result", "/api/rounds/{id}/slip", "/api/legs/{id}/confirm", "/api/legs/{id}/fail" })
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), $"{path} is not in the OpenAPI document");
    }
}
