using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Testing;

namespace Yalu.Market.Tests.Trading;

/// <summary>A small market to build tests on: a catalog, traders and lots, ids from a moving clock.</summary>
public sealed class Market
{
    public TestClock Clock { get; } = new();

    public MarketCatalog Catalog { get; } = new([
        new Good(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", UnitCode.Parse("kg"), Money.Parse("3.63"), Money.Parse("5.80")),
        new Good(GoodId.Parse("G04"), CategoryId.Grain, "corn", "강냉이", "玉米粒", UnitCode.Parse("kg"), Money.Parse("0.97"), Money.Parse("2.62")),
        new Good(GoodId.Parse("F01"), CategoryId.Fuel, "gasoline", "휘발유", "汽油", UnitCode.Parse("kg"), Money.Parse("5.29"), Money.Parse("8.54")),
        new Good(GoodId.Parse("S01"), CategoryId.Parse("seafood"), "dried pollack", "마른명태", "明太鱼干", UnitCode.Parse("piece"), Money.Parse("8"), Money.Parse("15")),
        new Good(GoodId.Parse("H08"), CategoryId.Parse("forest"), "pine nuts", "잣", "松子", UnitCode.Parse("kg"), Money.Parse("30"), Money.Parse("100")),
    ]);

    public List<Trader> Traders { get; } = [];

    public List<Lot> Lots { get; } = [];

    public List<WantList> WantLists { get; } = [];

    public Trader Trader(string handle, Role role = Role.Trader)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var trader = Yalu.Market.Trading.Trader.Register(Handle.Parse(handle), Side.Hyesan, Language.Ko, Clock).WithRole(role);
        Traders.Add(trader);
        return trader;
    }

    public Lot Lot(Trader owner, string good, string value, bool donor = false, LotGroupId? group = null)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var unit = Catalog.Find(GoodId.Parse(good))!.Unit.Value;
        var lot = Yalu.Market.Trading.Lot.Post(owner.Id, GoodId.Parse(good), Quantity.Of(2, unit), "note", Money.Parse(value), donor, group, Clock).Value;
        Lots.Add(lot);
        return lot;
    }

    public Result<WantList> TryWants(Lot mine, params WantEntry[] entries) =>
        WantList.Create(mine.Owner, mine, entries, id => Lots.Find(l => l.Id == id), Catalog);

    public WantList Wants(Lot mine, params WantEntry[] entries)
    {
        var list = TryWants(mine, entries).Value;
        WantLists.RemoveAll(w => w.Lot == mine.Id);
        WantLists.Add(list);
        return list;
    }

    public WantList Wants(Lot mine, params Lot[] lots) => Wants(mine, lots.Select(l => WantEntry.ForLot(l.Id)).ToArray());

    public void Replace(Lot lot) => Lots[Lots.FindIndex(l => l.Id == lot.Id)] = lot;

    public MarketGraph Build(RoundObjective objective = RoundObjective.Count, GroupEncoding encoding = GroupEncoding.SideConstraint) =>
        RoundGraph.Build(Catalog, Traders, Lots, WantLists, objective, encoding);
}
