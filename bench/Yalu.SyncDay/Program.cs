using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Demo;

// A market day of N events on node A, written through the store as the node writes them (every
// write its own transaction with its own signed event): traders register (10 %), lots are posted
// (30 %), each gets a want list naming earlier lots and a rule (30 %), lots are re-valued (20 %) and
// withdrawn (10 %). Synchronous=OFF only to write the set-up quickly: the measured export and import
// open the database as the node does (FULL). Deterministic for a seed.
if (args.Length != 2 || !int.TryParse(args[1], out int total) || total < 10)
{
    Console.Error.WriteLine("usage: Yalu.SyncDay DB EVENTS (at least 10)");
    return 2;
}
var clock = TimeProvider.System;
await using var store = await SqliteMarketStore.OpenAsync(args[0], clock, new SqliteStoreOptions { Synchronous = SqliteSynchronous.Off });
long start = await store.LastEventSeqAsync();
if ((await store.GetCatalogAsync()).Goods.Length == 0) await store.UpsertGoodsAsync(DemoMarket.Catalog(), null);
var catalog = await store.GetCatalogAsync();
var random = new Random(2026);
var traders = new List<Trader>();
var lots = new List<Lot>();
int written = (int)(await store.LastEventSeqAsync() - start);
int plan = total - written;
int traderCount = plan / 10, lotCount = plan * 3 / 10, wantCount = lotCount, editCount = plan / 5;
int withdrawCount = plan - traderCount - lotCount - wantCount - editCount;
for (int i = 0; i < traderCount; i++)
{
    var trader = Trader.Register(Handle.Parse($"day-{i:D5}"), Side.Hyesan, (Language)(i % 3), clock);
    traders.Add((await store.AddTraderAsync(trader, null)).Value);
}
for (int i = 0; i < lotCount; i++)
{
    var good = catalog.Goods[random.Next(catalog.Goods.Length)];
    var owner = traders[random.Next(traders.Count)];
    var lot = Lot.Post(owner.Id, good.Id, Quantity.Create(random.Next(1, 20), good.Unit).Value, "a note that never leaves the node",
        new Money(good.PriceLow.Fen + random.Next(0, 2000)), false, null, clock).Value;
    lots.Add(await store.AddLotAsync(lot, owner.Id));
}
var byId = lots.ToDictionary(l => l.Id);
for (int i = 0; i < wantCount; i++)
{
    var lot = lots[i];
    var entries = lots.Where(o => o.Owner != lot.Owner).OrderBy(_ => random.Next()).Take(3).Select(o => WantEntry.ForLot(o.Id)).ToList();
    entries.Add(WantEntry.ForCategory(catalog.Find(lot.Good)!.Category, 80).Value);
    var wants = WantList.Create(lot.Owner, lot, entries, id => byId.GetValueOrDefault(id), catalog);
    await store.SetWantListAsync(wants.Value, lot.Owner);
}
for (int i = 0; i < editCount; i++)
{
    var lot = (await store.GetLotAsync(lots[i % lots.Count].Id))!;
    var edited = lot.Edit(lot.Quantity, lot.Note, new Money(lot.Value.Fen + 100)).Value;
    await store.UpdateLotAsync(edited, lot.Owner);
}
for (int i = 0; i < withdrawCount; i++)
{
    var lot = (await store.GetLotAsync(lots[lots.Count - 1 - i].Id))!;
    await store.UpdateLotAsync(lot.Withdraw().Value, lot.Owner);
}
Console.WriteLine($"{await store.LastEventSeqAsync() - start} events written to {args[0]}");
return 0;
