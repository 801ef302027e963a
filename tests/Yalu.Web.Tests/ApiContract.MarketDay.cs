using System.Net;
using Xunit;
using Yalu.Market.Trading;

namespace Yalu.Web.Tests;

/// <summary>A whole market day through the HTTP API, checked against the invariants of legs.</summary>
public abstract partial class ApiContract
{
    private const int DayTraders = 40;
    private const int LotsPerTrader = 5;

    [Fact]
    public async Task A_market_day_of_40_traders_and_200_lots_clears_confirms_survives_a_no_show_and_re_clears_in_a_second_round()
    {
        // 41 registrations exceed the node-wide default of 30 a minute: this node allows more.
        await Factory.DisposeAsync();
        Factory = new YaluApiFactory(Store, Clock, o => o.RegistrationsPerMinute = 100);
        var random = new Random(20_260_517);
        var catalog = await Store.GetCatalogAsync(Ct);
        var goods = catalog.Goods;

        // Morning: traders register and post their lots.
        var keeper = await TraderAsync("day-keeper", keeper: true);
        var traders = new List<Caller>();
        var lotsOf = new List<List<string>>();
        for (int t = 0; t < DayTraders; t++)
        {
            var trader = await TraderAsync($"day-{t:00}");
            traders.Add(trader);
            var lots = new List<string>();
            for (int j = 0; j < LotsPerTrader; j++)
            {
                var good = goods[random.Next(goods.Length)];
                lots.Add(await LotAsync(trader, good.Id.Value, 1, $"{random.Next(5, 60)}.00"));
            }
            lotsOf.Add(lots);
        }
        var allLots = lotsOf.SelectMany(l => l).ToList();
        Assert.Equal(200, allLots.Count);

        // Want lists: explicit lots of others (traders 3i, 3i+1, 3i+2 want each other's first lots
        // around a triangle, so loops exist), and rules by good and by category.
        for (int t = 0; t < DayTraders; t++)
        {
            for (int j = 0; j < LotsPerTrader; j++)
            {
                var entries = new List<object>();
                var named = new HashSet<string>();
                void Want(string lot)
                {
                    if (named.Add(lot)) entries.Add(new { lot });
                }
                if (j == 0 && t < DayTraders - (DayTraders % 3)) Want(lotsOf[(t / 3 * 3) + ((t + 1) % 3)][0]);
                int explicitCount = random.Next(1, 4);
                for (int e = 0; e < explicitCount; e++)
                {
                    int other = random.Next(DayTraders);
                    if (other != t) Want(lotsOf[other][random.Next(LotsPerTrader)]);
                }
                if (random.Next(10) < 3) entries.Add(new { good = goods[random.Next(goods.Length)].Id.Value });
                if (random.Next(10) < 2) entries.Add(new { category = goods[random.Next(goods.Length)].Category.Value, minPercent = 80 });
                if (entries.Count > 0) await SetWantsAsync(traders[t], lotsOf[t][j], [.. entries]);
            }
        }

        // First round: loops of at most three lots.
        var first = await RunRoundAsync(keeper, new { cycleCap = 3, chainCap = 0, objective = "count", timeLimitSeconds = 30 });
        string firstId = first.GetProperty("id").GetString()!;
        Assert.Equal("done", first.GetProperty("progress").GetProperty("phase").GetString());
        var result = await GetJsonAsync(keeper, $"/api/rounds/{firstId}/result");
        var loops = result.GetProperty("loops").EnumerateArray().ToList();
        Assert.True(loops.Count >= DayTraders / 3, $"only {loops.Count} loops");
        Assert.Empty(result.GetProperty("chains").EnumerateArray());
        await AssertLegInvariantsAsync(3);

        // Every trader's slip lists exactly their legs, each with the code on the other side's slip.
        var legs = AllLegs(result);
        var codes = legs.ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("code").GetString());
        foreach (var trader in traders)
        {
            var slip = await GetJsonAsync(trader, $"/api/rounds/{firstId}/slip");
            var entries = slip.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(legs.Count(l => l.GetProperty("giver").GetString() == trader.Handle) + legs.Count(l => l.GetProperty("receiver").GetString() == trader.Handle), entries.Count);
            Assert.All(entries, e => Assert.Equal(codes[e.GetProperty("leg").GetString()!], e.GetProperty("code").GetString()));
        }

        // Afternoon: one giver of the first loop does not show up; every other leg is handed over.
        var noShowLoop = loops[0].GetProperty("legs").EnumerateArray().ToList();
        var released = noShowLoop.Select(l => l.GetProperty("lot").GetProperty("id").GetString()!).ToHashSet();
        var fail = await PostAsync(keeper, $"/api/legs/{noShowLoop[0].GetProperty("id").GetString()}/fail", key: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, fail.StatusCode);
        foreach (var leg in loops.Skip(1).SelectMany(l => l.GetProperty("legs").EnumerateArray()))
        {
            var confirm = await PostAsync(keeper, $"/api/legs/{leg.GetProperty("id").GetString()}/confirm", key: Guid.NewGuid().ToString());
            Assert.True(confirm.StatusCode == HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync(Ct));
        }
        var afterDay = (await GetJsonAsync(null, $"/api/rounds/{firstId}")).GetProperty("summary");
        Assert.Equal(0, afterDay.GetProperty("pending").GetInt32());
        Assert.Equal(1, afterDay.GetProperty("failed").GetInt32());
        Assert.Equal(noShowLoop.Count - 1, afterDay.GetProperty("released").GetInt32());
        Assert.Equal(legs.Count - noShowLoop.Count, afterDay.GetProperty("confirmed").GetInt32());
        var open = (await GetJsonAsync(null, "/api/lots")).EnumerateArray().Select(l => l.GetProperty("id").GetString()!).ToHashSet();
        Assert.Superset(released, open);
        var handedOver = legs.Select(l => l.GetProperty("lot").GetProperty("id").GetString()!).Where(l => !released.Contains(l)).ToHashSet();
        Assert.Empty(open.Intersect(handedOver));

        // Second round: only open lots trade; the released loop is clearable again, and when the first
        // round was optimal the lots it left untraded hold no loop, so every new loop uses a released lot.
        var second = await RunRoundAsync(keeper, new { cycleCap = 3, timeLimitSeconds = 30 });
        var secondLegs = AllLegs(await GetJsonAsync(keeper, $"/api/rounds/{second.GetProperty("id").GetString()}/result"));
        Assert.NotEmpty(secondLegs);
        Assert.All(secondLegs, l => Assert.Contains(l.GetProperty("lot").GetProperty("id").GetString()!, open));
        if (first.GetProperty("summary").GetProperty("engine").GetString() == "optimal")
        {
            Assert.All(secondLegs.GroupBy(l => l.GetProperty("exchange").GetInt32()),
                exchange => Assert.Contains(exchange, l => released.Contains(l.GetProperty("lot").GetProperty("id").GetString()!)));
        }
        await AssertLegInvariantsAsync(3);
    }

    /// <summary>
    /// Over every round in the store: each leg is a want of its receiver (in a loop, the receiver's
    /// lot is the one before it, and its want list names this lot), its giver owns its lot, each lot
    /// is in at most one pending leg, and no loop is longer than <paramref name="cycleCap"/>.
    /// </summary>
    private async Task AssertLegInvariantsAsync(int cycleCap)
    {
        var catalog = await Store.GetCatalogAsync(Ct);
        var lots = (await Store.ListLotsAsync(null, Ct)).ToDictionary(l => l.Id);
        var rounds = (await Store.ReadEventsAsync(0, 100_000, Ct)).Where(e => e.Kind == "round.scheduled")
            .Select(e => RoundId.TryParse(e.Subject, out var id) ? id : throw new InvalidOperationException(e.Subject)).ToList();
        var pending = new HashSet<LotId>();
        foreach (var round in rounds)
        {
            foreach (var exchange in (await Store.ListLegsAsync(round, Ct)).GroupBy(l => l.Exchange))
            {
                var legs = exchange.OrderBy(l => l.Position).ToList();
                Assert.True(legs.Count <= cycleCap, $"an exchange of {legs.Count} legs");
                for (int k = 0; k < legs.Count; k++)
                {
                    var leg = legs[k];
                    Assert.Equal(lots[leg.Lot].Owner, leg.Giver);
                    if (leg.IsPending) Assert.True(pending.Add(leg.Lot), $"lot {leg.Lot} is in two pending legs");
                    var mine = lots[legs[(k + legs.Count - 1) % legs.Count].Lot];
                    Assert.Equal(mine.Owner, leg.Receiver);
                    var wants = await Store.GetWantListAsync(mine.Id, Ct);
                    Assert.True(wants is not null && wants.Entries.Any(e => e.Matches(mine, lots[leg.Lot], catalog)) && mine.Owner != lots[leg.Lot].Owner,
                        $"leg {leg.Id}: lot {leg.Lot} is not a want of its receiver");
                }
            }
        }
        foreach (var lot in pending) Assert.Equal(LotState.Matched, lots[lot].State);
    }
}
