using Xunit;
using Yalu.Market.Trading;

namespace Yalu.Storage.Tests;

/// <summary>What several nodes on one database rely on: one active round, the market locks, shared data-protection keys.</summary>
public abstract partial class MarketStoreContract
{
    [Fact]
    public async Task One_round_of_the_market_is_scheduled_or_running_at_a_time()
    {
        var keeper = await TraderAsync("keeper", Role.Keeper);
        var first = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
        Assert.True((await Store.AddRoundAsync(first, keeper.Id, Ct)).IsOk);
        int events = (await Store.ReadEventsAsync(0, 1000, Ct)).Count;

        var second = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
        Assert.Equal(ErrorCodes.RoundActive, (await Store.AddRoundAsync(second, keeper.Id, Ct)).Error!.Code);
        var running = (await Store.UpdateRoundAsync(first.Start().Value, RoundState.Scheduled, keeper.Id, Ct)).Value;
        Assert.Equal(ErrorCodes.RoundActive, (await Store.AddRoundAsync(second, keeper.Id, Ct)).Error!.Code);
        Assert.Equal([first.Id], (await Store.ListActiveRoundsAsync(Ct)).Select(r => r.Id));
        Assert.Null(await Store.GetRoundAsync(second.Id, Ct));
        Assert.Equal(events + 1, (await Store.ReadEventsAsync(0, 1000, Ct)).Count);

        Assert.True((await Store.UpdateRoundAsync(running.Fail(Clock.GetUtcNow()).Value, RoundState.Running, keeper.Id, Ct)).IsOk);
        Assert.True((await Store.AddRoundAsync(second, keeper.Id, Ct)).IsOk);
        Assert.Equal([second.Id], (await Store.ListActiveRoundsAsync(Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task The_clearing_lock_has_one_holder_until_it_is_released()
    {
        var locks = (IMarketLocks)Store;
        var held = await locks.TryLockClearingAsync(Ct);
        Assert.NotNull(held);
        Assert.Null(await locks.TryLockClearingAsync(Ct));
        held.Dispose();
        held.Dispose();
        await using var again = await locks.TryLockClearingAsync(Ct);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task A_second_start_up_waits_for_the_first_to_let_go()
    {
        var locks = (IMarketLocks)Store;
        var first = await locks.LockStartupAsync(Ct);
        var second = locks.LockStartupAsync(Ct);
        await Task.Delay(300, Ct);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await using var taken = await second.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_once_by_name_oldest_first_and_out_of_the_event_log()
    {
        var keys = (IDataProtectionKeyStore)Store;
        int events = (await Store.ReadEventsAsync(0, 1000, Ct)).Count;
        Assert.Empty(await keys.ListDataProtectionKeysAsync(Ct));
        await keys.AddDataProtectionKeyAsync("key-b", "<key id=\"b\"><secret>bbb</secret></key>", Ct);
        await keys.AddDataProtectionKeyAsync("key-a", "<key id=\"a\"><secret>aaa</secret></key>", Ct);
        await keys.AddDataProtectionKeyAsync("key-b", "<key id=\"b2\" />", Ct);

        Assert.Equal(["<key id=\"b\"><secret>bbb</secret></key>", "<key id=\"a\"><secret>aaa</secret></key>"], await keys.ListDataProtectionKeysAsync(Ct));
        Assert.Equal(events, (await Store.ReadEventsAsync(0, 1000, Ct)).Count);
        await using var again = await ReopenStoreAsync(Clock);
        Assert.Equal(2, (await ((IDataProtectionKeyStore)again).ListDataProtectionKeysAsync(Ct)).Count);
    }
}
