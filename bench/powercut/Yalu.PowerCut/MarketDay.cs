using Yalu.Engine.Capped;
using Yalu.Market.Catalog;
using Yalu.Market.Graphs;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.PowerCut;

/// <summary>
/// A scripted market, day after day, driven by what the store holds so that it picks up wherever a
/// cut left it: a round left scheduled or running fails (as a node restarting does); pending legs
/// are handed over (85 %) or fail as no-shows; traders post lots and want lists until 16 open lots
/// have wants, sometimes withdrawing one; then the keeper clears a round the way the node's
/// RoundEngine does (RoundGraph, CappedSolver, EnforceGroups, ToLegs, StoreRoundResultAsync).
/// Every committed write is acknowledged with the sequence number of the event it appended.
/// </summary>
internal sealed class MarketDay(IMarketStore store, TimeProvider clock, Random random, Acknowledger output)
{
    private const int OpenTarget = 16;
    private const string Prefix = "pc-";
    private static readonly Good[] Goods =
    [
        new(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", UnitCode.Parse("kg"), Money.Parse("3.60"), Money.Parse("5.80")),
        new(GoodId.Parse("G02"), CategoryId.Grain, "maize", "옥수수", "玉米", UnitCode.Parse("kg"), Money.Parse("1.80"), Money.Parse("2.60")),
        new(GoodId.Parse("F01"), CategoryId.Fuel, "coal briquettes", "연탄", "煤球", UnitCode.Parse("kg"), Money.Parse("0.80"), Money.Parse("1.40")),
        new(GoodId.Parse("S01"), CategoryId.Parse("seafood"), "dried pollack", "북어", "明太鱼干", UnitCode.Parse("kg"), Money.Parse("20.00"), Money.Parse("40.00")),
    ];

    private long _lastSeq;
    private int _extra;

    /// <summary>The catalog, a keeper and eight traders (four on each bank); idempotent.</summary>
    public static async Task SetUpAsync(IMarketStore store, TimeProvider clock)
    {
        await store.UpsertGoodsAsync(Goods, actor: null);
        if (await store.FindTraderAsync(Handle.Parse(Prefix + "keeper")) is null)
            await store.AddTraderAsync(Trader.Register(Handle.Parse(Prefix + "keeper"), Side.Hyesan, Language.Ko, clock).WithRole(Role.Keeper), actor: null);
        for (int i = 0; i < 8; i++)
        {
            var handle = Handle.Parse($"{Prefix}trader-{i}");
            if (await store.FindTraderAsync(handle) is null)
                await store.AddTraderAsync(Trader.Register(handle, i % 2 == 0 ? Side.Hyesan : Side.Changbai, Language.Ko, clock), actor: null);
        }
    }

    /// <summary>
    /// Loads the solver's native code on a two-lot loop, so that a cut lands in the market day's
    /// writes and solves rather than in the one-off start-up of OR-Tools.
    /// </summary>
    public static void WarmUp(TimeProvider clock)
    {
        var builder = new WantGraphBuilder(3);
        int a = builder.AddItem("a", "a", builder.User("a"), isDummy: false);
        int b = builder.AddItem("b", "b", builder.User("b"), isDummy: false);
        builder.AddWant(a, b, 1, 1);
        builder.AddWant(b, a, 1, 1);
        _ = new CappedSolver(new CappedOptions { MaxCycle = 3, TimeLimit = TimeSpan.FromSeconds(5), Workers = 1 }, clock).Solve(builder.Build());
    }

    /// <summary>Runs market days until the process is killed.</summary>
    public async Task RunForeverAsync()
    {
        var traders = (await store.ListTradersAsync()).Where(t => t.Handle.Value.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var keeper = traders.Single(t => t.Role == Role.Keeper);
        var sellers = traders.Where(t => t.Role != Role.Keeper).ToList();
        var catalog = await store.GetCatalogAsync();
        while (await store.ReadEventsAsync(_lastSeq, 10_000) is { Count: > 0 } events) _lastSeq = events[^1].Seq;
        while (true)
        {
            await RecoverRoundsAsync(keeper);
            if (await HandOverOneAsync(keeper)) continue;
            if (await PostOrWithdrawAsync(sellers, catalog)) continue;
            await ClearRoundAsync(keeper);
        }
    }

    private async Task RecoverRoundsAsync(Trader keeper)
    {
        foreach (var round in await store.ListRoundsAsync(5))
        {
            if (round.State is not (RoundState.Scheduled or RoundState.Running)) continue;
            var failed = await store.UpdateRoundAsync(round.Fail(clock.GetUtcNow()).Value, round.State, keeper.Id);
            if (failed.IsOk) await AckAsync("round.updated", round.Id.ToString(), "failed");
        }
    }

    private async Task<bool> HandOverOneAsync(Trader keeper)
    {
        foreach (var round in await store.ListRoundsAsync(3))
        {
            var legs = await store.ListLegsAsync(round.Id);
            var pending = legs.FirstOrDefault(l => l.IsPending);
            if (pending is null) continue;
            var book = new TradeBook(await store.ListLotsAsync(), legs);
            bool shows = random.NextDouble() < 0.85;
            var change = shows ? book.Confirm(pending.Id) : book.Fail(pending.Id);
            string kind = shows ? "leg.confirmed" : "leg.failed";
            var written = await store.ApplyAsync(change.Value, kind, keeper.Id);
            if (!written.IsOk) throw new InvalidOperationException($"leg {pending.Id}: {written.Error.Message}");
            await AckAsync(kind, pending.Id.ToString(), shows ? "confirmed" : "noshow");
            return true;
        }
        return false;
    }

    private async Task<bool> PostOrWithdrawAsync(List<Trader> sellers, MarketCatalog catalog)
    {
        var open = await store.ListLotsAsync(LotState.Open);
        var lists = (await store.ListOpenWantListsAsync()).Select(w => w.Lot).ToHashSet();
        var bare = open.FirstOrDefault(l => !lists.Contains(l.Id));
        if (bare is not null)
        {
            await SetWantsAsync(bare, open, catalog);
            return true;
        }
        if (open.Count > 4 && random.NextDouble() < 0.08)
        {
            var lot = open[random.Next(open.Count)];
            var withdrawn = await store.UpdateLotAsync(lot.Withdraw().Value, lot.Owner);
            if (!withdrawn.IsOk) throw new InvalidOperationException($"lot {lot.Id}: {withdrawn.Error.Message}");
            await AckAsync("lot.updated", lot.Id.ToString(), "withdrawn");
            return true;
        }
        if (open.Count >= OpenTarget + _extra) return false;
        var owner = sellers[random.Next(sellers.Count)];
        var good = Goods[random.Next(Goods.Length)];
        var posted = Lot.Post(owner.Id, good.Id, Quantity.Of(random.Next(1, 20), good.Unit.Value), "posted by the power-cut driver",
            Money.FromYuan(random.Next(1, 60)), isDonor: false, group: null, clock).Value;
        posted = await store.AddLotAsync(posted, owner.Id);
        await AckAsync("lot.posted", posted.Id.ToString(), "posted");
        await SetWantsAsync(posted, [.. open, posted], catalog);
        return true;
    }

    private async Task SetWantsAsync(Lot mine, IReadOnlyList<Lot> open, MarketCatalog catalog)
    {
        var entries = new List<WantEntry>();
        var others = open.Where(l => l.Owner != mine.Owner).ToList();
        for (int i = random.Next(1, 4); i > 0; i--)
        {
            var entry = random.Next(3) switch
            {
                0 when others.Count > 0 => WantEntry.ForLot(others[random.Next(others.Count)].Id),
                1 => WantEntry.ForCategory(Goods[random.Next(Goods.Length)].Category, random.Next(1, 5) * 25).Value,
                _ => WantEntry.ForGood(Goods[random.Next(Goods.Length)].Id),
            };
            if (!entries.Contains(entry)) entries.Add(entry);
        }
        var byId = open.ToDictionary(l => l.Id);
        var list = WantList.Create(mine.Owner, mine, entries, id => byId.GetValueOrDefault(id), catalog);
        await store.SetWantListAsync(list.Value, mine.Owner);
        await AckAsync("wants.set", mine.Id.ToString(), "wants");
    }

    private async Task ClearRoundAsync(Trader keeper)
    {
        var parameters = RoundParameters.Create(3, 0, RoundObjective.Count, TimeSpan.FromSeconds(5)).Value;
        var round = Round.Schedule(keeper.Id, parameters, clock);
        await store.AddRoundAsync(round, keeper.Id);
        await AckAsync("round.scheduled", round.Id.ToString(), "scheduled");
        var running = (await store.UpdateRoundAsync(round.Start().Value, RoundState.Scheduled, keeper.Id)).Value;
        await AckAsync("round.updated", round.Id.ToString(), "running");

        // As RoundEngine.ClearAsync does it.
        var catalog = await store.GetCatalogAsync();
        var traders = await store.ListTradersAsync();
        var lots = await store.ListLotsAsync();
        var wants = await store.ListOpenWantListsAsync();
        var market = RoundGraph.Build(catalog, traders, lots, wants, parameters.Objective, GroupEncoding.SideConstraint);
        var clearing = market.Graph.ItemCount == 0
            ? new ClearingResult(market.Graph, ClearingStatus.Optimal, [], [], [])
            : new CappedSolver(new CappedOptions
            {
                MaxCycle = parameters.CycleCap,
                MaxChain = parameters.ChainCap,
                TimeLimit = parameters.TimeLimit,
                Weights = CappedWeights.Given,
                Workers = 1,
            }, clock).Solve(market.Graph).Clearing;
        var legs = RoundGraph.ToLegs(market, market.EnforceGroups(clearing), running, lots, clock);
        var stored = await store.StoreRoundResultAsync(running.Clear(clock.GetUtcNow()).Value, legs, keeper.Id);
        if (!stored.IsOk)
        {
            await store.UpdateRoundAsync(running.Fail(clock.GetUtcNow()).Value, RoundState.Running, keeper.Id);
            await AckAsync("round.updated", round.Id.ToString(), "failed");
            return;
        }
        await AckAsync("round.cleared", round.Id.ToString(), $"cleared:{legs.Length}");
        // Nothing traded: more lots before the next round.
        _extra = legs.Length == 0 ? _extra + 4 : 0;
    }

    /// <summary>Prints the acknowledgement of the write just committed, with the sequence number of its event.</summary>
    private async Task AckAsync(string kind, string subject, string fact)
    {
        var events = await store.ReadEventsAsync(_lastSeq, 1000);
        var mine = events.LastOrDefault(e => e.Kind == kind && e.Subject == subject)
            ?? throw new InvalidOperationException($"the write {kind} {subject} committed without its event");
        _lastSeq = events[^1].Seq;
        output.Line(new Acknowledgement(mine.Seq, kind, subject, fact).ToString());
    }
}
