using Xunit;
using Yalu.Market.Trading;

namespace Yalu.Market.Tests.Trading;

public sealed class TradeBookTests
{
    private readonly Market _market = new();

    private Leg Leg(RoundId round, int exchange, int position, Lot lot, Trader receiver) =>
        new(LegId.New(_market.Clock), round, exchange, position, lot.Owner, lot.Id, receiver.Id, LegState.Pending);

    [Fact]
    public void A_lot_is_in_at_most_one_pending_leg()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var lot = _market.Lot(kim, "G01", "10");
        var book = new TradeBook(_market.Lots, []);
        Assert.True(book.Record([Leg(RoundId.New(_market.Clock), 0, 0, lot, lee)]).IsOk);
        var second = book.Record([Leg(RoundId.New(_market.Clock), 0, 0, lot, lee)]);
        Assert.Equal(ErrorCodes.LotInPendingLeg, second.Error!.Code);
    }

    [Fact]
    public void Loading_two_pending_legs_for_one_lot_is_a_broken_invariant()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var lot = _market.Lot(kim, "G01", "10").Match().Value;
        var round = RoundId.New(_market.Clock);
        Assert.Throws<InvalidOperationException>(() => new TradeBook([lot], [Leg(round, 0, 0, lot, lee), Leg(round, 1, 0, lot, lee)]));
    }

    [Fact]
    public void A_withdrawn_lot_never_trades_and_the_whole_round_is_refused()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var good = _market.Lot(kim, "G01", "10");
        var gone = _market.Lot(lee, "S01", "10");
        var book = new TradeBook(_market.Lots, []);
        Assert.True(book.Withdraw(gone.Id).IsOk);
        var round = RoundId.New(_market.Clock);
        var result = book.Record([Leg(round, 0, 0, good, lee), Leg(round, 0, 1, gone, kim)]);
        Assert.Equal(ErrorCodes.LotNotOpen, result.Error!.Code);
        Assert.Equal(LotState.Open, book.Lot(good.Id)!.State);
        Assert.Null(book.PendingLegOf(good.Id));
    }

    [Fact]
    public void The_same_lot_twice_in_one_round_is_refused()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var lot = _market.Lot(kim, "G01", "10");
        var round = RoundId.New(_market.Clock);
        var result = new TradeBook(_market.Lots, []).Record([Leg(round, 0, 0, lot, lee), Leg(round, 1, 0, lot, lee)]);
        Assert.Equal(ErrorCodes.LotTradedTwice, result.Error!.Code);
    }

    [Fact]
    public void A_no_show_fails_its_leg_releases_the_rest_of_the_loop_and_reopens_the_lots()
    {
        var a = _market.Trader("aa");
        var b = _market.Trader("bb");
        var c = _market.Trader("cc");
        var la = _market.Lot(a, "G01", "10");
        var lb = _market.Lot(b, "S01", "10");
        var lc = _market.Lot(c, "H08", "10");
        var other = _market.Lot(c, "G04", "10");
        var round = RoundId.New(_market.Clock);
        Leg[] loop = [Leg(round, 0, 0, la, c), Leg(round, 0, 1, lb, a), Leg(round, 0, 2, lc, b)];
        var book = new TradeBook(_market.Lots, []);
        book.Record([.. loop, Leg(round, 1, 0, other, a)]);
        Assert.True(book.Confirm(loop[0].Id).IsOk);

        var change = book.Fail(loop[1].Id).Value;

        Assert.Equal([LegState.Failed, LegState.Released], change.Legs.Select(l => l.State));
        Assert.All(change.Lots, l => Assert.Equal(LotState.Open, l.State));
        Assert.Equal(LotState.HandedOver, book.Lot(la.Id)!.State);
        Assert.Equal(LotState.Matched, book.Lot(other.Id)!.State);
        Assert.Null(book.PendingLegOf(lc.Id));
        Assert.Equal(ErrorCodes.LegNotPending, book.Fail(loop[1].Id).Error!.Code);
    }
}
