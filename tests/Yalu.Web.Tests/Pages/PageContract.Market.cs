using System.Net;
using Xunit;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Web.Tests.Pages;

public abstract partial class PageContract
{
    /// <summary>What the market fixture made: my lot (with a want list), another trader's open lot, the round.</summary>
    protected sealed record MarketFixture(string MyLot, string TheirLot, Round Round, Leg MyGive, Leg MyReceive);

    /// <summary>
    /// A small market around <paramref name="me"/>: a rate for today, a lot of mine with a want list
    /// (one lot, one good rule, one category rule), another trader's open lot, and a cleared round in
    /// which I trade a lot with li-wei (one leg confirmed, so the price board has a row).
    /// </summary>
    protected async Task<MarketFixture> MarketAsync(string me)
    {
        var mine = (await Store.FindTraderAsync(Handle.Parse(me), Ct))!;
        var other = Trader.Register(Handle.Parse("li-wei"), Side.Changbai, Language.Zh, Clock);
        Assert.True((await Store.AddTraderAsync(other, null, Ct)).IsOk);
        await Store.AddRateAsync(new KpwRate(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), 4920m, "Hyesan"), null, Ct);

        var theirs = await AddLotAsync(other, "H08", 2, "70.00");
        var myLot = await AddLotAsync(mine, "S01", 3, "30.00");
        var wants = WantList.Create(mine.Id, myLot, [WantEntry.ForLot(theirs.Id), WantEntry.ForGood(GoodId.Parse("H08")), WantEntry.ForCategory(CategoryId.Parse("seafood"), 80).Value],
            id => id == theirs.Id ? theirs : null, await Store.GetCatalogAsync(Ct));
        await Store.SetWantListAsync(wants.Value, mine.Id, Ct);

        var keeper = Trader.Register(Handle.Parse("keeper-k"), Side.Hyesan, Language.Ko, Clock).WithRole(Role.Keeper);
        Assert.True((await Store.AddTraderAsync(keeper, null, Ct)).IsOk);
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
        await Store.AddRoundAsync(round, null, Ct);
        var running = (await Store.UpdateRoundAsync(round.Start().Value, RoundState.Scheduled, null, Ct)).Value;
        var give = await AddLotAsync(mine, "G01", 10, "45.00");
        var receive = await AddLotAsync(other, "K06", 2, "16.00");
        var legs = new List<Leg>
        {
            new(LegId.New(Clock), round.Id, 0, 0, mine.Id, give.Id, other.Id, LegState.Pending),
            new(LegId.New(Clock), round.Id, 0, 1, other.Id, receive.Id, mine.Id, LegState.Pending),
        };
        var cleared = running.Clear(Clock.GetUtcNow()).Value;
        Assert.True((await Store.StoreRoundResultAsync(cleared, legs, null, Ct)).IsOk);
        var book = new TradeBook(await Store.ListLotsAsync(null, Ct), await Store.ListLegsAsync(round.Id, Ct));
        var confirmed = book.Confirm(legs[1].Id);
        Assert.True(confirmed.IsOk);
        Assert.True((await Store.ApplyAsync(confirmed.Value, "leg.confirmed", keeper.Id, Ct)).IsOk);
        return new MarketFixture(myLot.Id.ToString(), theirs.Id.ToString(), cleared, legs[0], legs[1]);
    }

    protected static LotId LotOf(string id) => LotId.TryParse(id, out var lot) ? lot : throw new ArgumentException(id, nameof(id));

    private async Task<Lot> AddLotAsync(Trader owner, string good, decimal quantity, string value)
    {
        var catalog = await Store.GetCatalogAsync(Ct);
        var unit = catalog.Find(GoodId.Parse(good))!.Unit;
        var lot = Lot.Post(owner.Id, GoodId.Parse(good), Quantity.Create(quantity, unit).Value, "", Money.Parse(value), false, null, Clock).Value;
        return await Store.AddLotAsync(lot, null, Ct);
    }

    /// <summary>Every trader page, with the fixture's ids.</summary>
    protected static string[] TraderPages(MarketFixture market) =>
    [
        "/", "/lots", "/lots/new", "/lots/new?category=seafood", "/lots/new?good=S01",
        $"/lots/{market.MyLot}/wants", $"/lots/{market.MyLot}/wants?kind=forest", "/slip", "/history", "/prices",
        "/login", "/register", "/logout",
    ];

    protected static readonly string[] PublicPages = ["/", "/login", "/register", "/prices"];

    protected static async Task AssertRedirectAsync(HttpResponseMessage response, string startsWith)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.StartsWith(startsWith, response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
