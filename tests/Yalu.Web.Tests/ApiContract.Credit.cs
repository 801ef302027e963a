using System.Net;
using System.Text.Json;
using Xunit;
using Yalu.Market.Credit;
using Yalu.Market.Trading;
using Yalu.Web.Api;

namespace Yalu.Web.Tests;

/// <summary>Credit through the HTTP API: limits, a credit round, handovers, IOUs and a set-off, with the ledger checked at each step.</summary>
public abstract partial class ApiContract
{
    private async Task<HttpResponseMessage> SendJsonAsync(Caller caller, HttpMethod method, string path, object? body = null)
    {
        using var client = Client(caller);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The ledger from the store: every balance summed from every entry (independently of the SQL the API uses).</summary>
    private async Task<LedgerBalances> LedgerFromEntriesAsync() =>
        LedgerBalances.From((await Store.ListLedgerAsync(null, 100_000, Ct)).Select(e => e.Entry));

    private async Task<string> ProposeIouAsync(Caller creditor, Caller debtor, string amount, string? memo = null) =>
        (await OkJsonAsync(await SendJsonAsync(creditor, HttpMethod.Post, "/api/ious", new { debtor = debtor.Handle, amount, memo }), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

    [Fact]
    public async Task A_credit_market_day_keeps_every_limit_and_the_ledger_sums_to_zero_after_rounds_ious_and_a_set_off()
    {
        var keeper = await TraderAsync("credit-keeper", keeper: true);
        var names = new[] { "ca", "cb", "cc", "cd", "ce" };
        var t = new Dictionary<string, Caller>();
        foreach (var name in names) t[name] = await TraderAsync(name);
        foreach (var (name, limit) in new[] { ("ca", "5.00"), ("cb", "0"), ("cc", "20.00"), ("cd", "0"), ("ce", "0") })
        {
            var set = await OkJsonAsync(await SendJsonAsync(keeper, HttpMethod.Put, $"/api/credit/limits/{name}", new { limit }));
            Assert.Equal(Money.Parse(limit).ToString(), set.GetProperty("limit").GetString());
        }
        await AssertProblemAsync(await SendJsonAsync(keeper, HttpMethod.Put, "/api/credit/limits/nobody-here", new { limit = "1.00" }), HttpStatusCode.NotFound, ApiCodes.TraderNotFound);
        await AssertProblemAsync(await SendJsonAsync(keeper, HttpMethod.Put, "/api/credit/limits/ca", new { limit = "-1" }), HttpStatusCode.UnprocessableEntity, ApiCodes.ValidationFailed);

        // A loop ca → cb → cc (ca gives 10.00 and gets 15.00: 5.00 of credit, exactly ca's limit), and
        // a pair cd ↔ ce that would leave ce 25.00 in debt with no credit at all.
        var lots = new Dictionary<string, string>
        {
            ["ca"] = await LotAsync(t["ca"], "G01", 1, "10.00"),
            ["cb"] = await LotAsync(t["cb"], "G01", 1, "15.00"),
            ["cc"] = await LotAsync(t["cc"], "G01", 1, "12.00"),
            ["cd"] = await LotAsync(t["cd"], "G01", 1, "30.00"),
            ["ce"] = await LotAsync(t["ce"], "G01", 1, "5.00"),
        };
        await SetWantsAsync(t["ca"], lots["ca"], new { lot = lots["cb"] });
        await SetWantsAsync(t["cb"], lots["cb"], new { lot = lots["cc"] });
        await SetWantsAsync(t["cc"], lots["cc"], new { lot = lots["ca"] });
        await SetWantsAsync(t["cd"], lots["cd"], new { lot = lots["ce"] });
        await SetWantsAsync(t["ce"], lots["ce"], new { lot = lots["cd"] });

        var round = await RunRoundAsync(keeper, new { cycleCap = 3, timeLimitSeconds = 30, credit = true });
        Assert.True(round.GetProperty("parameters").GetProperty("credit").GetBoolean());
        string roundId = round.GetProperty("id").GetString()!;
        var legs = AllLegs(await GetJsonAsync(keeper, $"/api/rounds/{roundId}/result"));
        Assert.Equal(3, legs.Count);
        Assert.DoesNotContain(legs, l => l.GetProperty("giver").GetString() is "cd" or "ce");

        // Every handover posts; ca ends exactly at minus the limit.
        foreach (var leg in legs)
            await OkJsonAsync(await SendJsonAsync(keeper, HttpMethod.Post, $"/api/legs/{leg.GetProperty("id").GetString()}/confirm"));
        var me = await GetJsonAsync(t["ca"], "/api/credit/me");
        Assert.Equal("-5.00", me.GetProperty("balance").GetString());
        Assert.Equal("5.00", me.GetProperty("limit").GetString());
        Assert.Equal(2, me.GetProperty("entries").GetArrayLength());
        Assert.Equal("3.00", (await GetJsonAsync(t["cb"], "/api/credit/me")).GetProperty("balance").GetString());
        Assert.Equal("0.00", (await GetJsonAsync(keeper, "/api/credit/ledger")).GetProperty("total").GetString());

        // A second credit round: ca is at the limit, so ca cannot take more value; cd and ce still cannot trade.
        lots["ca2"] = await LotAsync(t["ca"], "G01", 1, "1.00");
        lots["cb2"] = await LotAsync(t["cb"], "G01", 1, "9.00");
        await SetWantsAsync(t["ca"], lots["ca2"], new { lot = lots["cb2"] });
        await SetWantsAsync(t["cb"], lots["cb2"], new { lot = lots["ca2"] });
        var second = await RunRoundAsync(keeper, new { cycleCap = 3, timeLimitSeconds = 30, credit = true });
        Assert.Empty(AllLegs(await GetJsonAsync(keeper, $"/api/rounds/{second.GetProperty("id").GetString()}/result")));

        // IOUs around a circle of 3.00, and one declined.
        var circle = new[] { ("cb", "ca"), ("cc", "cb"), ("ca", "cc") };
        foreach (var (creditor, debtor) in circle)
        {
            string id = await ProposeIouAsync(t[creditor], t[debtor], "3.00", "zq7 private memo");
            await AssertProblemAsync(await SendJsonAsync(t[creditor], HttpMethod.Post, $"/api/ious/{id}/accept"), HttpStatusCode.Forbidden, ApiCodes.IouNotYours);
            var accepted = await OkJsonAsync(await SendJsonAsync(t[debtor], HttpMethod.Post, $"/api/ious/{id}/accept"));
            Assert.Equal("accepted", accepted.GetProperty("state").GetString());
        }
        string declined = await ProposeIouAsync(t["ca"], t["cd"], "1.00");
        Assert.Equal("declined", (await OkJsonAsync(await SendJsonAsync(t["cd"], HttpMethod.Post, $"/api/ious/{declined}/decline"))).GetProperty("state").GetString());
        await AssertProblemAsync(await SendJsonAsync(t["cd"], HttpMethod.Post, $"/api/ious/{declined}/accept"), HttpStatusCode.Conflict, ApiCodes.IouNotProposed);
        await AssertProblemAsync(await SendJsonAsync(t["ce"], HttpMethod.Post, $"/api/ious/{declined}/decline"), HttpStatusCode.NotFound, ApiCodes.IouNotFound);
        var before = await GetJsonAsync(keeper, "/api/credit/ledger");
        Assert.Equal("0.00", before.GetProperty("total").GetString());

        // The keeper's set-off cancels the whole circle; no balance moves.
        var run = await OkJsonAsync(await SendJsonAsync(keeper, HttpMethod.Post, "/api/setoff"));
        Assert.Equal(3, run.GetProperty("obligations").GetInt32());
        Assert.Equal("9.00", run.GetProperty("total").GetString());
        Assert.Equal("9.00", run.GetProperty("cleared").GetString());
        Assert.Equal("0.00", run.GetProperty("remaining").GetString());
        Assert.All(run.GetProperty("ious").EnumerateArray(), l => Assert.Equal("0.00", l.GetProperty("remainder").GetString()));
        var after = await GetJsonAsync(keeper, "/api/credit/ledger");
        Assert.Equal(before.GetProperty("traders").ToString(), after.GetProperty("traders").ToString());
        Assert.Equal("0.00", after.GetProperty("total").GetString());
        foreach (var name in new[] { "ca", "cb", "cc" })
        {
            var account = await GetJsonAsync(t[name], "/api/credit/me");
            Assert.Equal(2, account.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "setoff"));
            Assert.All(account.GetProperty("ious").EnumerateArray().Where(i => i.GetProperty("state").GetString() != "declined"),
                i => Assert.Equal("settled", i.GetProperty("state").GetString()));
        }
        Assert.Single((await GetJsonAsync(keeper, "/api/setoff")).EnumerateArray());

        // The ledger, summed entry by entry from the store, agrees and sums to zero; no memo is in the event log.
        var ledger = await LedgerFromEntriesAsync();
        Assert.Equal(Money.Zero, ledger.Total);
        Assert.Equal(Money.Zero, (await Store.GetBalancesAsync(Ct)).Total);
        Assert.Equal(Money.Parse("-5.00"), ledger.Of(new TraderId(Guid.Parse(t["ca"].Id!))));
        Assert.DoesNotContain(await Store.ReadEventsAsync(0, 100_000, Ct), e => e.Payload.Contains("zq7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_set_off_retried_with_its_idempotency_key_is_posted_once()
    {
        var keeper = await TraderAsync("setoff-keeper", keeper: true);
        var a = await TraderAsync("so-a");
        var b = await TraderAsync("so-b");
        foreach (var (creditor, debtor) in new[] { (a, b), (b, a) })
        {
            string id = await ProposeIouAsync(creditor, debtor, "2.00");
            await OkJsonAsync(await SendJsonAsync(debtor, HttpMethod.Post, $"/api/ious/{id}/accept"));
        }
        string key = Guid.NewGuid().ToString();
        var first = await PostAsync(keeper, "/api/setoff", key: key);
        var again = await PostAsync(keeper, "/api/setoff", key: key);
        string body = await first.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(body, await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal("4.00", JsonDocument.Parse(body).RootElement.GetProperty("cleared").GetString());
        Assert.Single(await Store.ListSetoffRunsAsync(10, Ct));
        Assert.Equal(2, (await Store.ListLedgerAsync(null, 100, Ct)).Count(e => e.Entry.Kind == LedgerEntryKind.Setoff));
    }

    [Fact]
    public async Task An_iou_with_bad_fields_names_every_field_and_records_nothing()
    {
        var a = await TraderAsync("iou-a");
        var response = await SendJsonAsync(a, HttpMethod.Post, "/api/ious", new { debtor = "iou-a", amount = "-3", memo = new string('m', 201) });
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, ApiCodes.ValidationFailed);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("debtor", out _));
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.True(errors.TryGetProperty("memo", out _));
        await AssertProblemAsync(await SendJsonAsync(a, HttpMethod.Post, "/api/ious", new { debtor = "nobody-at-all", amount = "3" }), HttpStatusCode.UnprocessableEntity, ApiCodes.ValidationFailed);
        Assert.Empty(await Store.ListIousAsync(null, null, Ct));
    }
}
