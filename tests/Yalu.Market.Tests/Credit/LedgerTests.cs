using CsCheck;
using Xunit;
using Yalu.Market.Credit;
using TestMarket = Yalu.Market.Tests.Trading.Market;
using Yalu.Market.Trading;

namespace Yalu.Market.Tests.Credit;

public sealed class LedgerTests
{
    /// <summary>
    /// Random loops of 2..4 traders with random lot values; legs confirmed or failed in a random order
    /// through the trade book, as the keeper would at the handover.
    /// </summary>
    [Fact]
    public void The_ledger_sums_to_zero_whatever_is_confirmed_and_a_whole_loop_posts_given_minus_received()
    {
        var gen = Gen.Select(Gen.Int[1, 4], Gen.Int[2, 4], Gen.Int);
        gen.Sample((loops, size, seed) =>
        {
            var random = new Random(seed);
            var market = new TestMarket();
            var keeper = market.Trader("keeper", Role.Keeper);
            var round = Round.Schedule(keeper.Id, RoundParameters.Default, market.Clock);
            var legs = new List<Leg>();
            var members = new List<List<(Trader Trader, Lot Lot)>>();
            for (int x = 0; x < loops; x++)
            {
                var loop = new List<(Trader, Lot)>();
                for (int k = 0; k < size; k++)
                {
                    var trader = market.Trader($"t{x}-{k}");
                    loop.Add((trader, market.Lot(trader, "G01", $"{random.Next(0, 40)}.{random.Next(100):00}")));
                }
                members.Add(loop);
                // Receive order: the owner of item k receives item k + 1; leg k hands lot k to the owner of k − 1.
                for (int k = 0; k < size; k++)
                    legs.Add(new Leg(LegId.New(market.Clock), round.Id, x, k, loop[k].Item1.Id, loop[k].Item2.Id, loop[(k + size - 1) % size].Item1.Id, LegState.Pending));
            }
            var book = new TradeBook(market.Lots, []);
            Assert.True(book.Record(legs).IsOk);
            var entries = new List<LedgerEntry>();
            var complete = new HashSet<int>(Enumerable.Range(0, loops));
            foreach (var leg in legs.OrderBy(_ => random.Next()))
            {
                if (!book.Leg(leg.Id)!.IsPending) continue;
                if (random.Next(6) == 0)
                {
                    Assert.Empty(book.Fail(leg.Id).Value.Entries);
                    complete.Remove(leg.Exchange);
                }
                else entries.AddRange(book.Confirm(leg.Id).Value.Entries);
                Assert.Equal(Money.Zero, LedgerBalances.From(entries).Total);
            }
            var balances = LedgerBalances.From(entries);
            Assert.Equal(Money.Zero, balances.Pool);
            foreach (int x in complete)
            {
                var loop = members[x];
                for (int k = 0; k < size; k++)
                {
                    var given = loop[k].Lot.Value;
                    var received = loop[(k + 1) % size].Lot.Value;
                    Assert.Equal(given - received, balances.Of(loop[k].Trader.Id));
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void A_chain_credits_the_gift_to_the_pool_never_to_the_donor_and_debits_the_pool_for_its_end()
    {
        var market = new TestMarket();
        var keeper = market.Trader("keeper", Role.Keeper);
        var donor = market.Trader("donor");
        var a = market.Trader("aa");
        var b = market.Trader("bb");
        var gift = market.Lot(donor, "G01", "20", donor: true);
        var la = market.Lot(a, "G01", "8");
        var lb = market.Lot(b, "G01", "5");
        var round = RoundId.New(market.Clock);
        // Receive order [lb, la, gift]: lb goes to the pool (keeper), la to b, the gift to a.
        Leg[] legs =
        [
            new(LegId.New(market.Clock), round, 0, 0, b.Id, lb.Id, keeper.Id, LegState.Pending),
            new(LegId.New(market.Clock), round, 0, 1, a.Id, la.Id, b.Id, LegState.Pending),
            new(LegId.New(market.Clock), round, 0, 2, donor.Id, gift.Id, a.Id, LegState.Pending),
        ];
        var book = new TradeBook(market.Lots, []);
        Assert.True(book.Record(legs).IsOk);
        var entries = legs.SelectMany(l => book.Confirm(l.Id).Value.Entries).ToList();
        var balances = LedgerBalances.From(entries);
        Assert.Equal(Money.Zero, balances.Of(donor.Id));
        Assert.Equal(Money.Zero, balances.Of(keeper.Id));
        Assert.Equal(Money.Parse("-12"), balances.Of(a.Id));
        Assert.Equal(Money.Parse("-3"), balances.Of(b.Id));
        Assert.Equal(Money.Parse("15"), balances.Pool);
        Assert.Equal(Money.Zero, balances.Total);
    }

    [Fact]
    public void An_entry_moves_a_positive_amount_between_two_different_accounts()
    {
        var market = new TestMarket();
        var kim = market.Trader("kim");
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = new LedgerEntry(LedgerEntryKind.Iou, "x", kim.Id, null, Money.Zero); });
        Assert.Throws<ArgumentException>(() => { _ = new LedgerEntry(LedgerEntryKind.Iou, "x", kim.Id, kim.Id, Money.Parse("1")); });
        Assert.Throws<ArgumentException>(() => { _ = new LedgerEntry(LedgerEntryKind.Iou, "x", null, null, Money.Parse("1")); });
        Assert.Throws<ArgumentException>(() => { _ = new LedgerEntry(LedgerEntryKind.Iou, new string('r', 121), kim.Id, null, Money.Parse("1")); });
        var entry = new LedgerEntry(LedgerEntryKind.Iou, "x", kim.Id, null, Money.Parse("2.50"));
        Assert.Equal(Money.Parse("2.50"), entry.EffectOn(kim.Id));
        Assert.Equal(Money.Parse("-2.50"), entry.EffectOn(null));
    }

    [Fact]
    public void An_iou_is_proposed_by_its_creditor_accepted_only_by_its_debtor_and_settled_by_set_offs()
    {
        var market = new TestMarket();
        var kim = market.Trader("kim");
        var lee = market.Trader("lee");
        var park = market.Trader("park");
        Assert.Equal(ErrorCodes.InvalidIouAmount, Iou.Propose(kim.Id, lee.Id, Money.Zero, null, market.Clock).Error!.Code);
        Assert.Equal(ErrorCodes.IouWithSelf, Iou.Propose(kim.Id, kim.Id, Money.Parse("1"), null, market.Clock).Error!.Code);
        Assert.Equal(ErrorCodes.MemoTooLong, Iou.Propose(kim.Id, lee.Id, Money.Parse("1"), new string('m', 201), market.Clock).Error!.Code);

        var iou = Iou.Propose(kim.Id, lee.Id, Money.Parse("10"), "  rice  ", market.Clock).Value;
        Assert.Equal("rice", iou.Memo);
        Assert.Equal(ErrorCodes.NotIouParty, iou.Accept(kim.Id).Error!.Code);
        Assert.Equal(ErrorCodes.NotIouParty, iou.Decline(park.Id).Error!.Code);
        Assert.Equal(ErrorCodes.IouNotAccepted, iou.SetOff(Money.Parse("1"), "run").Error!.Code);
        var accepted = iou.Accept(lee.Id).Value;
        Assert.Equal(ErrorCodes.IouNotProposed, accepted.Decline(kim.Id).Error!.Code);
        var acceptance = accepted.AcceptanceEntry();
        Assert.Equal((kim.Id, lee.Id, Money.Parse("10")), (acceptance.Credit!.Value, acceptance.Debit!.Value, acceptance.Amount));

        Assert.Equal(ErrorCodes.InvalidIouAmount, accepted.SetOff(Money.Parse("10.01"), "run").Error!.Code);
        var (partly, first) = accepted.SetOff(Money.Parse("4"), "run-1").Value;
        Assert.Equal((IouState.Accepted, Money.Parse("6")), (partly.State, partly.Remaining));
        var (settled, second) = partly.SetOff(Money.Parse("6"), "run-2").Value;
        Assert.Equal((IouState.Settled, Money.Zero), (settled.State, settled.Remaining));
        // Acceptance and the set-offs that undo it leave both balances where they started.
        var balances = LedgerBalances.From([acceptance, first, second]);
        Assert.Equal(Money.Zero, balances.Of(kim.Id));
        Assert.Equal(Money.Zero, balances.Of(lee.Id));
        Assert.Equal(ErrorCodes.IouNotProposed, Iou.Propose(kim.Id, lee.Id, Money.Parse("1"), null, market.Clock).Value.Decline(lee.Id).Value.Accept(lee.Id).Error!.Code);
    }

    [Fact]
    public void A_floor_counts_the_limit_the_balance_and_the_legs_still_pending()
    {
        var market = new TestMarket();
        var keeper = market.Trader("keeper", Role.Keeper);
        var kim = market.Trader("kim").WithCreditLimit(Money.Parse("10")).Value;
        var lee = market.Trader("lee");
        var park = market.Trader("park").WithCreditLimit(Money.Parse("5")).Value;
        market.Traders.RemoveAll(t => t.Handle.Value is "kim" or "park");
        market.Traders.AddRange([kim, park]);
        var kimLot = market.Lot(kim, "G01", "3");
        var leeLot = market.Lot(lee, "G01", "7");
        var parkLot = market.Lot(park, "G01", "1");
        market.Wants(parkLot, leeLot);
        market.Wants(leeLot, parkLot);
        // A pending leg from an earlier round: kim's lot worth 3 goes to lee (kim +3, lee −3 once confirmed).
        var earlier = RoundId.New(market.Clock);
        var pending = new Leg(LegId.New(market.Clock), earlier, 0, 0, kim.Id, kimLot.Id, lee.Id, LegState.Pending);
        // Park owes 8 already: below minus the limit of 5.
        var balances = LedgerBalances.From([new LedgerEntry(LedgerEntryKind.Iou, "i", kim.Id, park.Id, Money.Parse("8"))]);
        var projected = CreditPositions.Projected(balances, [pending], market.Lots.ToDictionary(l => l.Id));
        Assert.Equal(Money.Parse("11"), projected[kim.Id]);
        Assert.Equal(Money.Parse("-3"), projected[lee.Id]);
        Assert.Equal(Money.Parse("-8"), projected[park.Id]);

        var graph = market.Build();
        var constraint = CreditPositions.Constraint(graph, market.Traders, market.Lots, projected);
        long FloorOf(string handle) => constraint.UserFloors[Enumerable.Range(0, graph.Graph.UserCount).Single(u => graph.Graph.UserName(u) == handle)];
        // lee: no limit, 3 already projected in debt → may not go further down (floor 0);
        // park: 8 owed on a limit of 5 → floor 0 as well.
        Assert.Equal(0, FloorOf("lee"));
        Assert.Equal(0, FloorOf("park"));
        Assert.Equal(Money.Parse("7").Fen, constraint.ItemValues[graph.ItemOf(leeLot.Id)]);
    }
}
