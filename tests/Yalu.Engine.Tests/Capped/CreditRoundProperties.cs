using CsCheck;
using Xunit;
using Yalu.Engine.Capped;
using Yalu.Market.Catalog;
using Yalu.Market.Credit;
using Yalu.Market.Graphs;
using Yalu.Market.Trading;

namespace Yalu.Engine.Tests.Capped;

/// <summary>
/// A credit round end to end in the domain: random traders, limits, balances, lots (some donated)
/// and want lists; the round graph and floors (<see cref="CreditPositions"/>), the credit solve, the
/// legs, every leg confirmed through the trade book, and the ledger entries that posts. Nobody ends
/// below minus their limit (or below where they started, if they started below it): the solver's
/// arithmetic and the ledger's posting rule agree, chains and the pool included.
/// </summary>
public sealed class CreditRoundProperties
{
    private static readonly MarketCatalog Catalog = new([
        new Good(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", UnitCode.Parse("kg"), Money.Parse("3"), Money.Parse("6")),
    ]);

    /// <summary>The seeds of one random credit round.</summary>
    public sealed record Day(int Traders, int Lots, int Donors, int Density, int MaxCycle, int MaxChain, int Seed)
    {
        public override string ToString() => $"traders {Traders}, lots {Lots}, donors {Donors}, density {Density}%, k {MaxCycle}, L {MaxChain}, seed {Seed}";
    }

    private static readonly Gen<Day> Days =
        from traders in Gen.Int[2, 5]
        from lots in Gen.Int[3, 9]
        from donors in Gen.Int[0, 2]
        from density in Gen.Int[20, 70]
        from maxCycle in Gen.Int[2, 4]
        from maxChain in Gen.Int[0, 3]
        from seed in Gen.Int
        select new Day(traders, lots, donors, density, maxCycle, maxChain, seed);

    [Fact]
    public void A_credit_round_never_takes_a_trader_past_their_limit_once_every_leg_is_handed_over()
    {
        Days.Sample(day =>
        {
            var random = new Random(day.Seed);
            var clock = new Yalu.Testing.TestClock();
            var keeper = Trader.Register(Handle.Parse("keeper"), Side.Hyesan, Language.Ko, clock).WithRole(Role.Keeper);
            var traders = new List<Trader> { keeper };
            for (int t = 0; t < day.Traders; t++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                var trader = Trader.Register(Handle.Parse($"t{t}"), Side.Hyesan, Language.Ko, clock);
                traders.Add(trader.WithCreditLimit(Money.FromYuan(random.Next(0, 4) * 5)).Value);
            }
            var people = traders.Skip(1).ToList();
            var lots = new List<Lot>();
            for (int i = 0; i < day.Lots + day.Donors; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                var owner = people[random.Next(people.Count)];
                lots.Add(Lot.Post(owner.Id, GoodId.Parse("G01"), Quantity.Of(1, "kg"), "", Money.FromYuan(random.Next(0, 30)), i >= day.Lots, null, clock).Value);
            }
            var wants = new List<WantList>();
            foreach (var mine in lots.Where(l => !l.IsDonor))
            {
                var named = lots.Where(o => o.Owner != mine.Owner && random.Next(100) < day.Density).Select(o => WantEntry.ForLot(o.Id)).ToArray();
                if (named.Length > 0) wants.Add(WantList.Create(mine.Owner, mine, named, id => lots.Find(l => l.Id == id), Catalog).Value);
            }
            // Balances from earlier days: IOUs between random pairs.
            var earlier = new List<LedgerEntry>();
            for (int k = 0; k < people.Count; k++)
            {
                var a = people[random.Next(people.Count)];
                var b = people[random.Next(people.Count)];
                if (a.Id != b.Id) earlier.Add(new LedgerEntry(LedgerEntryKind.Iou, $"i{k}", a.Id, b.Id, Money.FromYuan(random.Next(1, 25))));
            }
            var start = LedgerBalances.From(earlier);

            var parameters = RoundParameters.Create(day.MaxCycle, day.MaxChain, RoundObjective.Count, TimeSpan.FromSeconds(30), credit: true).Value;
            var round = Round.Schedule(keeper.Id, parameters, clock).Start().Value;
            var market = RoundGraph.Build(Catalog, traders, lots, wants, RoundObjective.Count);
            var projected = CreditPositions.Projected(start, [], lots.ToDictionary(l => l.Id));
            var credit = CreditPositions.Constraint(market, traders, lots, projected);
            var solved = new CappedSolver(new CappedOptions { MaxCycle = day.MaxCycle, MaxChain = day.MaxChain })
                .Solve(market.Graph, credit, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(ClearingStatus.Optimal, solved.Status);
            var legs = RoundGraph.ToLegs(market, market.EnforceGroups(solved.Clearing), round, lots, clock);

            var book = new TradeBook(lots, []);
            Assert.True(book.Record(legs).IsOk);
            var entries = new List<LedgerEntry>(earlier);
            foreach (var leg in legs) entries.AddRange(book.Confirm(leg.Id).Value.Entries);
            var end = LedgerBalances.From(entries);
            Assert.Equal(Money.Zero, end.Total);
            foreach (var trader in traders)
            {
                var least = Money.Zero - trader.CreditLimit;
                var before = start.Of(trader.Id);
                var bound = before < least ? before : least;
                Assert.True(end.Of(trader.Id) >= bound, $"{trader.Handle}: {before} → {end.Of(trader.Id)}, limit {trader.CreditLimit}, on {day}");
            }
        }, iter: 150);
    }
}
