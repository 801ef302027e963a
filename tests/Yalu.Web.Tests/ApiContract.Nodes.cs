using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Rounds;

namespace Yalu.Web.Tests;

/// <summary>Rounds when several nodes share the database: the market's clearing lock and rounds a stopped node left behind.</summary>
public abstract partial class ApiContract
{
    [Fact]
    public async Task A_round_left_running_by_a_node_that_stopped_is_failed_and_the_next_start_clears()
    {
        var keeper = await TraderAsync("orphan-keeper", keeper: true);
        // What a node killed mid-round leaves: a running round, and no clearing lock held for it.
        var left = Round.Schedule(new TraderId(Guid.Parse(keeper.Id!)), RoundParameters.Default, Clock);
        Assert.True((await Store.AddRoundAsync(left, null, Ct)).IsOk);
        Assert.True((await Store.UpdateRoundAsync(left.Start().Value, RoundState.Scheduled, null, Ct)).IsOk);

        var next = await PostAsync(keeper, "/api/rounds", new { cycleCap = 2 }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        var cleared = await WaitForRoundAsync((await next.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);
        Assert.Equal("cleared", cleared.GetProperty("state").GetString());

        var orphan = await GetJsonAsync(null, $"/api/rounds/{left.Id}");
        Assert.Equal("failed", orphan.GetProperty("state").GetString());
        Assert.Equal(RoundScheduler.OrphanedReason, orphan.GetProperty("error").GetString());
        Assert.Contains(await Store.ReadEventsAsync(0, 10_000, Ct), e => e.Kind == "round.updated" && e.Subject == left.Id.ToString() && e.Payload.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_another_node_holds_the_clearing_lock_a_start_is_refused_as_a_running_round()
    {
        var keeper = await TraderAsync("lock-keeper", keeper: true);
        var elsewhere = await ((IMarketLocks)Store).TryLockClearingAsync(Ct);
        Assert.NotNull(elsewhere);
        await AssertProblemAsync(await PostAsync(keeper, "/api/rounds", new { }, Guid.NewGuid().ToString()), HttpStatusCode.Conflict, "round.running");
        Assert.Empty(await Store.ListActiveRoundsAsync(Ct));

        await elsewhere.DisposeAsync();
        var started = await PostAsync(keeper, "/api/rounds", new { }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await WaitForRoundAsync((await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);
    }
}
