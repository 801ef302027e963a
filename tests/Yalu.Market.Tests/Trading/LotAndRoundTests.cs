using Xunit;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Market.Tests.Trading;

public sealed class LotAndRoundTests
{
    private readonly Market _market = new();

    [Fact]
    public void A_lot_goes_open_matched_handed_over()
    {
        var lot = _market.Lot(_market.Trader("kim"), "G01", "10");
        var handedOver = lot.Match().Value.HandOver().Value;
        Assert.Equal(LotState.HandedOver, handedOver.State);
    }

    [Fact]
    public void A_withdrawn_lot_can_never_be_matched_again()
    {
        var withdrawn = _market.Lot(_market.Trader("kim"), "G01", "10").Withdraw().Value;
        Assert.Equal(ErrorCodes.LotNotOpen, withdrawn.Match().Error!.Code);
        Assert.Equal(ErrorCodes.LotNotMatched, withdrawn.Reopen().Error!.Code);
        Assert.Equal(ErrorCodes.LotNotOpen, withdrawn.Edit(withdrawn.Quantity, "", Money.Zero).Error!.Code);
    }

    [Fact]
    public void A_matched_lot_cannot_be_withdrawn_or_expire_until_its_leg_fails()
    {
        var matched = _market.Lot(_market.Trader("kim"), "G01", "10").Match().Value;
        Assert.Equal(ErrorCodes.LotNotOpen, matched.Withdraw().Error!.Code);
        Assert.Equal(ErrorCodes.LotNotOpen, matched.Expire().Error!.Code);
        Assert.True(matched.Reopen().Value.Withdraw().IsOk);
    }

    [Fact]
    public void A_note_has_at_most_500_characters_and_a_value_is_not_negative()
    {
        var kim = _market.Trader("kim");
        var quantity = Quantity.Of(1, "kg");
        var good = GoodId.Parse("G01");
        Assert.True(Lot.Post(kim.Id, good, quantity, new string('x', 500), Money.Zero, false, null, _market.Clock).IsOk);
        Assert.Equal(ErrorCodes.NoteTooLong, Lot.Post(kim.Id, good, quantity, new string('x', 501), Money.Zero, false, null, _market.Clock).Error!.Code);
        Assert.Equal(ErrorCodes.NegativeValue, Lot.Post(kim.Id, good, quantity, "", Money.Parse("-1"), false, null, _market.Clock).Error!.Code);
    }

    [Fact]
    public void A_round_goes_scheduled_running_cleared_and_not_back()
    {
        var keeper = _market.Trader("keeper", Role.Keeper);
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, _market.Clock);
        var cleared = round.Start().Value.Clear(_market.Clock.GetUtcNow()).Value;
        Assert.Equal(RoundState.Cleared, cleared.State);
        Assert.Equal(ErrorCodes.RoundIllegalTransition, cleared.Start().Error!.Code);
        Assert.Equal(ErrorCodes.RoundIllegalTransition, cleared.Fail(_market.Clock.GetUtcNow()).Error!.Code);
        Assert.Equal(ErrorCodes.RoundIllegalTransition, round.Clear(_market.Clock.GetUtcNow()).Error!.Code);
    }

    [Fact]
    public void A_leg_leaves_pending_once()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var lot = _market.Lot(kim, "G01", "10");
        var leg = new Leg(LegId.New(_market.Clock), RoundId.New(_market.Clock), 0, 0, kim.Id, lot.Id, lee.Id, LegState.Pending);
        var confirmed = leg.Confirm().Value;
        Assert.Equal(ErrorCodes.LegNotPending, confirmed.Fail().Error!.Code);
        Assert.Equal(ErrorCodes.LegNotPending, confirmed.Release().Error!.Code);
    }

    [Fact]
    public void A_trader_cannot_want_their_own_lot()
    {
        var kim = _market.Trader("kim");
        var mine = _market.Lot(kim, "G01", "10");
        var alsoMine = _market.Lot(kim, "S01", "10");
        Assert.Equal(ErrorCodes.WantOwnLot, _market.TryWants(mine, WantEntry.ForLot(alsoMine.Id)).Error!.Code);
    }

    [Fact]
    public void A_want_list_refuses_duplicates_unknown_names_donors_and_other_peoples_lots()
    {
        var kim = _market.Trader("kim");
        var lee = _market.Trader("lee");
        var mine = _market.Lot(kim, "G01", "10");
        var theirs = _market.Lot(lee, "S01", "10");
        var donor = _market.Lot(kim, "G04", "10", donor: true);
        Assert.Equal(ErrorCodes.WantDuplicate, _market.TryWants(mine, WantEntry.ForLot(theirs.Id), WantEntry.ForLot(theirs.Id)).Error!.Code);
        Assert.Equal(ErrorCodes.WantUnknownLot, _market.TryWants(mine, WantEntry.ForLot(LotId.New(_market.Clock))).Error!.Code);
        Assert.Equal(ErrorCodes.WantUnknownGood, _market.TryWants(mine, WantEntry.ForGood(GoodId.Parse("Z99"))).Error!.Code);
        Assert.Equal(ErrorCodes.WantListForDonor, _market.TryWants(donor, WantEntry.ForLot(theirs.Id)).Error!.Code);
        Assert.Equal(ErrorCodes.NotYourLot, WantList.Create(lee.Id, mine, [], _ => null, _market.Catalog).Error!.Code);
        Assert.Equal(ErrorCodes.InvalidPercent, WantEntry.ForCategory(CategoryId.Grain, 0).Error!.Code);
    }
}
