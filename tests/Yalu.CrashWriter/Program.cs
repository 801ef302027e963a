using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;

// Usage: Yalu.CrashWriter DB_PATH
// Each line on stdout names one write that has been committed ("lot <id>", "withdrawn <id>",
// "round <id> <lot> <lot>"): the acknowledgement a client would get. The process never stops by itself.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Yalu.CrashWriter DB_PATH");
    return 2;
}
var clock = TimeProvider.System;
await using var store = await SqliteMarketStore.OpenAsync(args[0], clock);
var good = new Good(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", UnitCode.Parse("kg"), Money.Parse("3.63"), Money.Parse("5.80"));
await store.UpsertGoodsAsync([good], actor: null);

async Task<Trader> TraderNamed(string handle)
{
    var existing = await store.FindTraderAsync(Handle.Parse(handle));
    if (existing is not null) return existing;
    var added = await store.AddTraderAsync(Trader.Register(Handle.Parse(handle), Side.Hyesan, Language.Ko, clock), actor: null);
    return added.Value;
}

var keeper = await TraderNamed("crash-keeper");
var alice = await TraderNamed("crash-alice");
var bob = await TraderNamed("crash-bob");
// A run killed between scheduling and storing a round left it scheduled or running; the store keeps
// one active round per market, so fail it first, as a restarted node does.
foreach (var orphan in await store.ListActiveRoundsAsync())
    await store.UpdateRoundAsync(orphan.Fail(clock.GetUtcNow()).Value, orphan.State, keeper.Id);
var stdout = Console.Out;
var open = new List<Lot>();
for (long n = 0; ; n++)
{
    var owner = n % 2 == 0 ? alice : bob;
    var lot = Lot.Post(owner.Id, good.Id, Quantity.Of(1, "kg"), null, Money.Parse("4.00"), false, null, clock).Value;
    lot = await store.AddLotAsync(lot, owner.Id);
    stdout.WriteLine($"lot {lot.Id}");
    stdout.Flush();
    open.Add(lot);

    if (n % 7 == 3 && open.Count > 0)
    {
        var victim = open[0];
        open.RemoveAt(0);
        var withdrawn = await store.UpdateLotAsync(victim.Withdraw().Value, victim.Owner);
        if (withdrawn.IsOk)
        {
            stdout.WriteLine($"withdrawn {victim.Id}");
            stdout.Flush();
        }
    }

    if (n % 5 == 4)
    {
        var a = open.FirstOrDefault(l => l.Owner == alice.Id);
        var b = open.FirstOrDefault(l => l.Owner == bob.Id);
        if (a is null || b is null) continue;
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, clock);
        if (!(await store.AddRoundAsync(round, keeper.Id)).IsOk) throw new InvalidOperationException("a round is still active");
        var running = await store.UpdateRoundAsync(round.Start().Value, RoundState.Scheduled, keeper.Id);
        var cleared = running.Value.Clear(clock.GetUtcNow()).Value;
        Leg[] legs =
        [
            new(LegId.New(clock), round.Id, 0, 0, alice.Id, a.Id, bob.Id, LegState.Pending),
            new(LegId.New(clock), round.Id, 0, 1, bob.Id, b.Id, alice.Id, LegState.Pending),
        ];
        var stored = await store.StoreRoundResultAsync(cleared, legs, keeper.Id);
        if (stored.IsOk)
        {
            open.Remove(a);
            open.Remove(b);
            stdout.WriteLine($"round {round.Id} {a.Id} {b.Id}");
            stdout.Flush();
        }
    }
}
