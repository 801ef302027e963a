using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Web.Rounds;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>Lots of legs named as the pages name goods (<see cref="GoodDisplay"/>: Korean in its DPRK form).</summary>
internal static class DisplayNames
{
    public static LegLotResponse Named(LegLotResponse lot, MarketCatalog catalog, Language language) =>
        GoodId.TryParse(lot.Good, out var id) && catalog.Find(id) is { } good ? lot with { Name = GoodDisplay.Name(good, language) } : lot;
}
