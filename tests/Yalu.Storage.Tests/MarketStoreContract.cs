using Xunit;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Testing;

namespace Yalu.Storage.Tests;

/// <summary>
/// The storage suite, written once: every provider's test class derives from it and supplies a
/// fresh, empty store per test (xunit creates one instance per test).
/// </summary>
public abstract partial class MarketStoreContract : IAsyncLifetime
{
    protected TestClock Clock { get; } = TestClock.Ticking(TimeSpan.FromSeconds(1));

    protected IMarketStore Store { get; private set; } = null!;

    private static readonly Good[] Goods =
    [
        new(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", UnitCode.Parse("kg"), Money.Parse("3.63"), Money.Parse("5.80")),
        new(GoodId.Parse("S01"), CategoryId.Parse("seafood"), "dried pollack", "마른명태", "明太鱼干", UnitCode.Parse("piece"), Money.Parse("8"), Money.Parse("15")),
    ];

    /// <summary>A new store over an empty database (schema) owned by this test.</summary>
    protected abstract Task<IMarketStore> CreateStoreAsync(TimeProvider clock);

    /// <summary>A second store over the same database, as after a restart.</summary>
    protected abstract Task<IMarketStore> ReopenStoreAsync(TimeProvider clock);

    public virtual async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync(Clock);
        await Store.UpsertGoodsAsync(Goods, null, TestContext.Current.CancellationToken);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Store is not null) await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Trader> TraderAsync(string handle, Role role = Role.Trader)
    {
        var trader = Trader.Register(Handle.Parse(handle), Side.Hyesan, Language.Ko, Clock).WithRole(role);
        return (await Store.AddTraderAsync(trader, null, Ct)).Value;
    }

    private async Task<Lot> LotAsync(Trader owner, string good = "G01", string note = "private note", LotGroupId? group = null)
    {
        var lot = Lot.Post(owner.Id, GoodId.Parse(good), Quantity.Of(2.5m, good == "G01" ? "kg" : "piece"), note, Money.Parse("10.50"), false, group, Clock).Value;
        return await Store.AddLotAsync(lot, owner.Id, Ct);
    }

    private async Task<(Round Round, Trader A, Trader B, Lot LotA, Lot LotB)> RunningRoundAsync()
    {
        var keeper = await TraderAsync("keeper", Role.Keeper);
        var a = await TraderAsync("aa");
        var b = await TraderAsync("bb");
        var la = await LotAsync(a);
        var lb = await LotAsync(b, "S01");
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
        await Store.AddRoundAsync(round, keeper.Id, Ct);
        var running = round.Start().Value;
        Assert.True((await Store.UpdateRoundAsync(running, RoundState.Scheduled, keeper.Id, Ct)).IsOk);
        return (running, a, b, la, lb);
    }

    private Leg[] Loop(Round round, Lot la, Lot lb) =>
    [
        new(LegId.New(Clock), round.Id, 0, 0, la.Owner, la.Id, lb.Owner, LegState.Pending),
        new(LegId.New(Clock), round.Id, 0, 1, lb.Owner, lb.Id, la.Owner, LegState.Pending),
    ];

    [Fact]
    public async Task Migrations_are_applied_once_and_a_reopened_store_keeps_its_data()
    {
        var kim = await TraderAsync("kim");
        int latest = Migration.For("Sqlite").Max(m => m.Version);
        Assert.Equal(latest, Migration.For("Postgres").Max(m => m.Version));
        Assert.Equal(latest, await Store.SchemaVersionAsync(Ct));
        await using var again = await ReopenStoreAsync(Clock);
        Assert.Equal(latest, await again.SchemaVersionAsync(Ct));
        Assert.Equal(kim, await again.GetTraderAsync(kim.Id, Ct));
    }

    [Fact]
    public async Task A_trader_round_trips_and_handles_are_unique_without_regard_to_case()
    {
        var kim = await TraderAsync("김철수");
        Assert.Equal(kim, await Store.GetTraderAsync(kim.Id, Ct));
        Assert.Equal(kim, await Store.FindTraderAsync(Handle.Parse("김철수"), Ct));
        await TraderAsync("Lee");
        var taken = await Store.AddTraderAsync(Trader.Register(Handle.Parse("LEE"), Side.Changbai, Language.Zh, Clock), null, Ct);
        Assert.Equal(ErrorCodes.HandleTaken, taken.Error!.Code);
        Assert.Equal(2, (await Store.ListTradersAsync(Ct)).Count);
        var richer = kim.WithCreditLimit(Money.Parse("100")).Value.WithProfile(Side.Changbai, Language.En);
        Assert.True((await Store.UpdateTraderAsync(richer, null, Ct)).IsOk);
        Assert.Equal(richer, await Store.GetTraderAsync(kim.Id, Ct));
    }

    [Fact]
    public async Task A_write_that_fails_leaves_no_row_and_no_event()
    {
        await TraderAsync("lee");
        var before = await Store.ReadEventsAsync(0, 1000, Ct);
        var taken = await Store.AddTraderAsync(Trader.Register(Handle.Parse("lee"), Side.Hyesan, Language.Ko, Clock), null, Ct);
        Assert.False(taken.IsOk);
        Assert.Equal(before.Count, (await Store.ReadEventsAsync(0, 1000, Ct)).Count);
    }

    [Fact]
    public async Task Only_the_pass_phrase_hash_is_stored_and_the_event_does_not_carry_it()
    {
        var kim = await TraderAsync("kim");
        await Store.SetCredentialAsync(kim.Id, "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA", kim.Id, Ct);
        await Store.SetCredentialAsync(kim.Id, "$argon2id$second", kim.Id, Ct);
        Assert.Equal("$argon2id$second", await Store.GetCredentialAsync(kim.Id, Ct));
        var events = await Store.ReadEventsAsync(0, 1000, Ct);
        Assert.Equal(2, events.Count(e => e.Kind == "credential.set"));
        Assert.DoesNotContain(events, e => e.Payload.Contains("argon2id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_catalog_round_trips_in_three_languages()
    {
        var catalog = await Store.GetCatalogAsync(Ct);
        Assert.Equal(Goods, catalog.Goods);
        await Store.UpsertGoodsAsync([new Good(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", UnitCode.Parse("kg"), Money.Parse("4"), Money.Parse("6"))], null, Ct);
        Assert.Equal(Money.Parse("6"), (await Store.GetCatalogAsync(Ct)).Find(GoodId.Parse("G01"))!.PriceHigh);
    }

    [Fact]
    public async Task A_lot_round_trips_and_a_stale_version_is_a_conflict()
    {
        var kim = await TraderAsync("kim");
        var group = LotGroupId.New(Clock);
        var lot = await LotAsync(kim, group: group);
        var read = await Store.GetLotAsync(lot.Id, Ct);
        Assert.Equal(lot, read);
        Assert.Equal(1, read!.Version);

        var edited = (await Store.UpdateLotAsync(read.Edit(Quantity.Of(3.125m, "kg"), "new", Money.Parse("12")).Value, kim.Id, Ct)).Value;
        Assert.Equal(2, edited.Version);
        var stale = await Store.UpdateLotAsync(read.Withdraw().Value, kim.Id, Ct);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, stale.Error!.Code);
        Assert.Equal(edited, await Store.GetLotAsync(lot.Id, Ct));
        Assert.Single(await Store.ListLotsAsync(LotState.Open, Ct));
        Assert.Empty(await Store.ListLotsAsync(LotState.Withdrawn, Ct));
    }

    [Fact]
    public async Task A_want_list_round_trips_with_rules_and_is_replaced_whole()
    {
        var kim = await TraderAsync("kim");
        var lee = await TraderAsync("lee");
        var mine = await LotAsync(kim);
        var theirs = await LotAsync(lee, "S01");
        var catalog = await Store.GetCatalogAsync(Ct);
        WantEntry[] entries = [WantEntry.ForLot(theirs.Id), WantEntry.ForGood(GoodId.Parse("S01")), WantEntry.ForCategory(CategoryId.Grain, 80).Value];
        var list = WantList.Create(kim.Id, mine, entries, id => id == theirs.Id ? theirs : null, catalog).Value;
        await Store.SetWantListAsync(list, kim.Id, Ct);
        var read = await Store.GetWantListAsync(mine.Id, Ct);
        Assert.Equal(entries, read!.Entries);
        Assert.Equal(kim.Id, read.Owner);

        await Store.SetWantListAsync(WantList.Create(kim.Id, mine, [entries[1]], _ => null, catalog).Value, kim.Id, Ct);
        Assert.Equal([entries[1]], (await Store.GetWantListAsync(mine.Id, Ct))!.Entries);
        Assert.Single(await Store.ListOpenWantListsAsync(Ct));
    }

    [Fact]
    public async Task A_kept_read_never_hides_a_committed_write_by_this_store_or_another_on_the_same_database()
    {
        var kim = await TraderAsync("kim");
        var lot = await LotAsync(kim);
        await using var other = await ReopenStoreAsync(Clock);
        // Read everything the store keeps, twice, so the second read is served from memory.
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(lot, Assert.Single(await Store.ListLotsAsync(LotState.Open, Ct)));
            Assert.Single(await Store.ListLotsAsync(null, Ct));
            Assert.Single(await Store.ListTradersAsync(Ct));
            Assert.Equal(Goods, (await Store.GetCatalogAsync(Ct)).Goods);
            Assert.Empty(await Store.ListRatesAsync(Ct));
        }

        // Another node on the same database writes: this store sees each write on its next read.
        var withdrawn = (await other.UpdateLotAsync(lot.Withdraw().Value, kim.Id, Ct)).Value;
        Assert.Empty(await Store.ListLotsAsync(LotState.Open, Ct));
        Assert.Equal(withdrawn, Assert.Single(await Store.ListLotsAsync(null, Ct)));
        await other.AddTraderAsync(Trader.Register(Handle.Parse("lee"), Side.Changbai, Language.Zh, Clock), null, Ct);
        Assert.Equal(["kim", "lee"], (await Store.ListTradersAsync(Ct)).Select(t => t.Handle.Value));
        await other.UpsertGoodsAsync([new Good(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", UnitCode.Parse("kg"), Money.Parse("4"), Money.Parse("7"))], null, Ct);
        Assert.Equal(Money.Parse("7"), (await Store.GetCatalogAsync(Ct)).Find(Goods[0].Id)!.PriceHigh);
        await other.AddRateAsync(new KpwRate(new DateOnly(2025, 10, 26), 4920, "Hyesan"), null, Ct);
        Assert.Equal(4920m, Assert.Single(await Store.ListRatesAsync(Ct)).KpwPerCny);

        // And this store's own writes, read back at once.
        var second = await LotAsync(kim, "S01");
        Assert.Equal(second, Assert.Single(await Store.ListLotsAsync(LotState.Open, Ct)));
        Assert.Equal(2, (await other.ListLotsAsync(null, Ct)).Count);
    }

    [Fact]
    public async Task A_read_scope_reads_its_own_writes_and_a_later_scope_sees_every_write_before_it()
    {
        var kim = await TraderAsync("kim");
        await using var other = await ReopenStoreAsync(Clock);
        Lot mine;
        using (Store.BeginReadScope())
        {
            Assert.Empty(await Store.ListLotsAsync(LotState.Open, Ct));
            Assert.Empty(await Store.ListLotsAsync(LotState.Open, Ct));
            mine = await LotAsync(kim);
            Assert.Equal(mine, Assert.Single(await Store.ListLotsAsync(LotState.Open, Ct)));
        }
        var theirs = (await other.AddLotAsync(Lot.Post(kim.Id, GoodId.Parse("S01"), Quantity.Of(1, "piece"), "", Money.Parse("9"), false, null, Clock).Value, kim.Id, Ct));
        using (Store.BeginReadScope())
        {
            Assert.Equal(new[] { mine.Id.Value, theirs.Id.Value }.Order(), (await Store.ListLotsAsync(LotState.Open, Ct)).Select(l => l.Id.Value).Order());
            Assert.Equal(await other.LastEventSeqAsync(Ct), await Store.LastEventSeqAsync(Ct));
        }
        Assert.Equal(2, (await Store.ListLotsAsync(LotState.Open, Ct)).Count);
    }

    [Fact]
    public async Task Rates_are_dated_and_listed_newest_first()
    {
        await Store.AddRateAsync(new KpwRate(new DateOnly(2024, 4, 14), 1810, "Hyesan"), null, Ct);
        await Store.AddRateAsync(new KpwRate(new DateOnly(2025, 10, 26), 4920, "Hyesan"), null, Ct);
        await Store.AddRateAsync(new KpwRate(new DateOnly(2025, 10, 26), 4925.5m, "Hyesan"), null, Ct);
        var rates = await Store.ListRatesAsync(Ct);
        Assert.Equal([4925.5m, 1810m], rates.Select(r => r.KpwPerCny));
        Assert.Equal(new DateOnly(2025, 10, 26), rates[0].Date);
    }

    [Fact]
    public async Task A_round_result_is_stored_whole_and_its_lots_are_matched()
    {
        var (round, _, _, la, lb) = await RunningRoundAsync();
        var legs = Loop(round, la, lb);
        var stored = await Store.StoreRoundResultAsync(round.Clear(Clock.GetUtcNow()).Value, legs, null, Ct);
        Assert.True(stored.IsOk);
        Assert.Equal(legs, await Store.ListLegsAsync(round.Id, Ct));
        Assert.Equal(RoundState.Cleared, (await Store.GetRoundAsync(round.Id, Ct))!.State);
        Assert.Equal(LotState.Matched, (await Store.GetLotAsync(la.Id, Ct))!.State);
        Assert.Equal(LotState.Matched, (await Store.GetLotAsync(lb.Id, Ct))!.State);
        var again = await Store.StoreRoundResultAsync(round.Clear(Clock.GetUtcNow()).Value, [], null, Ct);
        Assert.Equal(ErrorCodes.RoundIllegalTransition, again.Error!.Code);
    }

    [Fact]
    public async Task A_round_result_with_a_withdrawn_lot_stores_no_leg_at_all()
    {
        var (round, _, _, la, lb) = await RunningRoundAsync();
        Assert.True((await Store.UpdateLotAsync(lb.Withdraw().Value, lb.Owner, Ct)).IsOk);
        var events = (await Store.ReadEventsAsync(0, 1000, Ct)).Count;

        var stored = await Store.StoreRoundResultAsync(round.Clear(Clock.GetUtcNow()).Value, Loop(round, la, lb), null, Ct);

        Assert.Equal(ErrorCodes.LotNotOpen, stored.Error!.Code);
        Assert.Empty(await Store.ListLegsAsync(round.Id, Ct));
        Assert.Equal(LotState.Open, (await Store.GetLotAsync(la.Id, Ct))!.State);
        Assert.Equal(1, (await Store.GetLotAsync(la.Id, Ct))!.Version);
        Assert.Equal(RoundState.Running, (await Store.GetRoundAsync(round.Id, Ct))!.State);
        Assert.Equal(events, (await Store.ReadEventsAsync(0, 1000, Ct)).Count);
    }

    [Fact]
    public async Task A_lot_in_a_pending_leg_cannot_be_traded_by_a_second_round()
    {
        var (round, a, _, la, lb) = await RunningRoundAsync();
        await Store.StoreRoundResultAsync(round.Clear(Clock.GetUtcNow()).Value, Loop(round, la, lb), null, Ct);
        var keeper = (await Store.FindTraderAsync(Handle.Parse("keeper"), Ct))!;
        var second = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
        await Store.AddRoundAsync(second, keeper.Id, Ct);
        var running = second.Start().Value;
        await Store.UpdateRoundAsync(running, RoundState.Scheduled, keeper.Id, Ct);
        var leg = new Leg(LegId.New(Clock), second.Id, 0, 0, a.Id, la.Id, keeper.Id, LegState.Pending);
        var stored = await Store.StoreRoundResultAsync(running.Clear(Clock.GetUtcNow()).Value, [leg], null, Ct);
        Assert.False(stored.IsOk);
        Assert.Empty(await Store.ListLegsAsync(second.Id, Ct));
    }

    [Fact]
    public async Task A_no_show_fails_its_leg_releases_the_loop_and_reopens_the_lots_once()
    {
        var (round, _, _, la, lb) = await RunningRoundAsync();
        await Store.StoreRoundResultAsync(round.Clear(Clock.GetUtcNow()).Value, Loop(round, la, lb), null, Ct);
        var book = new TradeBook(await Store.ListLotsAsync(null, Ct), await Store.ListLegsAsync(round.Id, Ct));
        var legs = await Store.ListLegsAsync(round.Id, Ct);
        var change = book.Fail(legs[0].Id).Value;

        var applied = await Store.ApplyAsync(change, "leg.failed", null, Ct);

        Assert.True(applied.IsOk);
        Assert.Equal([LegState.Failed, LegState.Released], (await Store.ListLegsAsync(round.Id, Ct)).Select(l => l.State));
        Assert.All(await Store.ListLotsAsync(null, Ct), l => Assert.Equal(LotState.Open, l.State));
        Assert.Equal(ErrorCodes.ConcurrencyConflict, (await Store.ApplyAsync(change, "leg.failed", null, Ct)).Error!.Code);
    }

    [Fact]
    public async Task Every_change_is_an_event_in_sequence_with_the_clocks_time_and_without_the_note()
    {
        var kim = await TraderAsync("kim");
        await LotAsync(kim, note: "meet me behind the station");
        var events = await Store.ReadEventsAsync(0, 1000, Ct);
        Assert.Equal(["good.upserted", "good.upserted", "trader.registered", "lot.posted"], events.Select(e => e.Kind));
        Assert.Equal(events.Select(e => e.Seq).Order(), events.Select(e => e.Seq));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.At < p.Second.At));
        Assert.Equal(kim.Id.ToString(), events[^1].Actor);
        Assert.Equal("node", events[0].Actor);
        Assert.DoesNotContain("station", events[^1].Payload, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"open\"", events[^1].Payload.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Single(await Store.ReadEventsAsync(events[^2].Seq, 10, Ct));
    }

    [Fact]
    public async Task Concurrent_writers_all_commit_with_gapless_sequence_numbers()
    {
        var kim = await TraderAsync("kim");
        var start = (await Store.ReadEventsAsync(0, 1000, Ct))[^1].Seq;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => LotAsync(kim), Ct)));
        var events = await Store.ReadEventsAsync(start, 1000, Ct);
        Assert.Equal(16, (await Store.ListLotsAsync(LotState.Open, Ct)).Count);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => start + i), events.Select(e => e.Seq));
    }

    [Fact]
    public async Task Rounds_are_listed_newest_first_up_to_the_number_asked()
    {
        var keeper = await TraderAsync("keeper", Role.Keeper);
        Assert.Empty(await Store.ListRoundsAsync(5, Ct));
        var ids = new List<RoundId>();
        for (int i = 0; i < 3; i++)
        {
            var round = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
            Assert.True((await Store.AddRoundAsync(round, keeper.Id, Ct)).IsOk);
            ids.Add(round.Id);
            // One round at a time is scheduled or running: each but the last ends before the next.
            if (i < 2) Assert.True((await Store.UpdateRoundAsync(round.Fail(Clock.GetUtcNow()).Value, RoundState.Scheduled, keeper.Id, Ct)).IsOk);
        }
        Assert.Equal(ids.AsEnumerable().Reverse(), (await Store.ListRoundsAsync(5, Ct)).Select(r => r.Id));
        Assert.Equal([ids[2], ids[1]], (await Store.ListRoundsAsync(2, Ct)).Select(r => r.Id));
        Assert.Equal(RoundState.Scheduled, (await Store.ListRoundsAsync(1, Ct))[0].State);
    }
}
