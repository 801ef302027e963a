using CsCheck;
using Xunit;
using Yalu.Market.Catalog;
using Yalu.Market.Graphs;
using Yalu.Market.Trading;

namespace Yalu.Market.Tests.Trading;

public sealed class MarketClearingTests
{
    private readonly Market _market = new();

    private static string[] WantNames(MarketGraph market, Lot lot) =>
        [.. market.Graph.WantsOf(market.ItemOf(lot.Id)).ToArray().Select(i => market.Graph.ItemName(i))];

    [Fact]
    public void Rules_expand_to_the_open_lots_of_other_traders_with_the_entry_rank()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var park = _market.Trader("park");
        var mine = _market.Lot(kim, "S01", "10.00");
        var rice = _market.Lot(lee, "G01", "9.99");
        var corn = _market.Lot(park, "G04", "10.00");
        var myRice = _market.Lot(kim, "G01", "50");
        var pollack = _market.Lot(park, "S01", "1");
        var withdrawn = _market.Lot(lee, "G01", "20").Withdraw().Value;
        _market.Replace(withdrawn);
        _market.Wants(mine, WantEntry.ForLot(pollack.Id), WantEntry.ForCategory(CategoryId.Grain, 100).Value, WantEntry.ForGood(GoodId.Parse("G01")));

        var market = _market.Build();

        Assert.Equal([pollack.Id.ToString(), corn.Id.ToString(), rice.Id.ToString()], WantNames(market, mine));
        Assert.Equal([1L, 2L, 3L], market.Graph.CostsOf(market.ItemOf(mine.Id)).ToArray());
        Assert.Equal(-1, market.ItemOf(withdrawn.Id));
        Assert.Equal("kim", market.Graph.UserName(market.Graph.Owner(market.ItemOf(myRice.Id))));
        Assert.True(market.Graph.NonTradeCost > 6);
    }

    [Theory]
    [InlineData(RoundObjective.Count, new[] { 1.0, 1.0 })]
    [InlineData(RoundObjective.Value, new[] { 8.5, 30.0 })]
    [InlineData(RoundObjective.Preference, new[] { 2.0, 1.5 })]
    [InlineData(RoundObjective.Essentials, new[] { 2.0, 1.0 })]
    public void Weights_follow_the_objective(RoundObjective objective, double[] expected)
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var mine = _market.Lot(kim, "S01", "10");
        var fuel = _market.Lot(lee, "F01", "8.50");
        var nuts = _market.Lot(lee, "H08", "30");
        _market.Wants(mine, fuel, nuts);
        var market = _market.Build(objective);
        Assert.Equal(expected, market.Graph.WeightsOf(market.ItemOf(mine.Id)).ToArray());
    }

    [Fact]
    public void Donor_lots_are_donor_items_that_want_nothing()
    {
        var kim = _market.Trader("kim");
        var relief = _market.Trader("relief");
        _market.Lot(kim, "S01", "10");
        var donor = _market.Lot(relief, "G01", "10", donor: true);
        var market = _market.Build();
        Assert.True(market.Graph.IsDonor(market.ItemOf(donor.Id)));
        Assert.Equal(0, market.Graph.WantsOf(market.ItemOf(donor.Id)).Length);
    }

    [Fact]
    public void A_dummy_group_lets_at_most_one_lot_trade_and_only_for_what_every_lot_accepts()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var group = LotGroupId.New(_market.Clock);
        var a = _market.Lot(kim, "S01", "10", group: group);
        var b = _market.Lot(kim, "H08", "10", group: group);
        var rice = _market.Lot(lee, "G01", "10");
        var corn = _market.Lot(lee, "G04", "10");
        _market.Wants(a, rice, corn);
        _market.Wants(b, corn);

        var market = _market.Build(encoding: GroupEncoding.Dummy);

        var graph = market.Graph;
        int dummy = graph.WantsOf(market.ItemOf(a.Id))[0];
        Assert.True(graph.IsDummy(dummy));
        Assert.Equal([dummy], graph.WantsOf(market.ItemOf(b.Id)).ToArray());
        Assert.Equal([market.ItemOf(corn.Id)], graph.WantsOf(dummy).ToArray());
        Assert.Equal([2L], graph.CostsOf(dummy).ToArray());
        Assert.Null(market.LotOf(dummy));
    }

    [Fact]
    public void A_side_constraint_group_keeps_each_lots_wants_and_drops_a_second_exchange_of_the_group()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var park = _market.Trader("park");
        var group = LotGroupId.New(_market.Clock);
        var a = _market.Lot(kim, "S01", "10", group: group);
        var b = _market.Lot(kim, "H08", "10", group: group);
        var rice = _market.Lot(lee, "G01", "10");
        var corn = _market.Lot(park, "G04", "10");
        _market.Wants(a, rice);
        _market.Wants(b, corn);
        _market.Wants(rice, a);
        _market.Wants(corn, b);
        var market = _market.Build();
        Assert.Single(market.Groups);
        int ia = market.ItemOf(a.Id), ib = market.ItemOf(b.Id), ir = market.ItemOf(rice.Id), ic = market.ItemOf(corn.Id);
        var both = new ClearingResult(market.Graph, ClearingStatus.Optimal, [new Exchange([ia, ir], true), new Exchange([ib, ic], true)], [], new long[4]);

        Assert.True(market.Violates(both));
        var keeper = _market.Trader("keeper", Role.Keeper);
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, _market.Clock);
        Assert.Throws<ArgumentException>(() => RoundGraph.ToLegs(market, both, round, _market.Lots, _market.Clock));
        var repaired = market.EnforceGroups(both);
        Assert.Equal(ClearingStatus.Feasible, repaired.Status);
        Assert.Single(repaired.Loops);
        Assert.False(repaired.Trades(ib));
    }

    [Fact]
    public void Loops_and_chains_map_back_to_legs_from_giver_to_receiver()
    {
        var a = _market.Trader("aa");
        var b = _market.Trader("bb");
        var keeper = _market.Trader("keeper", Role.Keeper);
        var relief = _market.Trader("relief");
        var la = _market.Lot(a, "S01", "10");
        var lb = _market.Lot(b, "G01", "10");
        var lc = _market.Lot(a, "H08", "10");
        var donor = _market.Lot(relief, "G04", "10", donor: true);
        _market.Wants(la, lb);
        _market.Wants(lb, la);
        _market.Wants(lc, donor);
        var market = _market.Build();
        int ia = market.ItemOf(la.Id), ib = market.ItemOf(lb.Id), ic = market.ItemOf(lc.Id), id = market.ItemOf(donor.Id);
        var result = new ClearingResult(
            market.Graph, ClearingStatus.Optimal, [new Exchange([ia, ib], true)], [new Exchange([ic, id], false)], new long[4]);
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, _market.Clock);

        var legs = RoundGraph.ToLegs(market, result, round, _market.Lots, _market.Clock);

        Assert.Equal(4, legs.Length);
        Assert.Equal((a.Id, la.Id, b.Id, 0, 0), (legs[0].Giver, legs[0].Lot, legs[0].Receiver, legs[0].Exchange, legs[0].Position));
        Assert.Equal((b.Id, lb.Id, a.Id), (legs[1].Giver, legs[1].Lot, legs[1].Receiver));
        Assert.Equal((a.Id, lc.Id, keeper.Id, 1), (legs[2].Giver, legs[2].Lot, legs[2].Receiver, legs[2].Exchange));
        Assert.Equal((relief.Id, donor.Id, a.Id), (legs[3].Giver, legs[3].Lot, legs[3].Receiver));
        Assert.All(legs, l => Assert.Equal(LegState.Pending, l.State));
        Assert.True(new TradeBook(_market.Lots, []).Record(legs).IsOk);
    }

    [Fact]
    public void Every_want_of_a_built_graph_joins_open_lots_of_different_traders()
    {
        var gen = Gen.Select(Gen.Int[2, 6], Gen.Int[0, 12].Array[1, 20], Gen.Int[0, 100].Array[20], Gen.Int[0, 4].Array[20]);
        gen.Sample((traders, owners, values, states) =>
        {
            var market = new Market();
            var people = Enumerable.Range(0, traders).Select(t => market.Trader($"t{t}")).ToArray();
            string[] goods = ["G01", "G04", "F01", "S01", "H08"];
            for (int i = 0; i < owners.Length; i++)
            {
                var lot = market.Lot(people[owners[i] % traders], goods[i % goods.Length], values[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (states[i] == 0) market.Replace(lot.Withdraw().Value);
                if (states[i] == 1) market.Replace(lot.Match().Value);
            }
            foreach (var lot in market.Lots.ToList())
            {
                var entries = new List<WantEntry> { WantEntry.ForGood(GoodId.Parse(goods[(values[0] + lot.Value.Fen) % 5 is var g && g < 0 ? 0 : (int)g])) };
                entries.Add(WantEntry.ForCategory(CategoryId.Grain, 50).Value);
                entries.AddRange(market.Lots.Where(l => l.Owner != lot.Owner).Take(3).Select(l => WantEntry.ForLot(l.Id)));
                market.Wants(lot, [.. entries.Distinct()]);
            }
            var built = market.Build(RoundObjective.Preference);
            var graph = built.Graph;
            for (int i = 0; i < graph.ItemCount; i++)
            {
                var lot = market.Lots.Single(l => l.Id == built.LotOf(i));
                Assert.True(lot.IsOpen);
                foreach (int j in graph.WantsOf(i))
                {
                    var wanted = market.Lots.Single(l => l.Id == built.LotOf(j));
                    Assert.True(wanted.IsOpen);
                    Assert.NotEqual(lot.Owner, wanted.Owner);
                }
            }
        }, iter: 200);
    }
}
