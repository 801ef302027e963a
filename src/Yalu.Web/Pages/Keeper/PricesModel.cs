using System.Globalization;
using Microsoft.Extensions.Options;
using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/prices: the price board as <c>GET /api/prices</c> computes it (the median realised value
/// per unit of each good over the confirmed legs in the window, with the rate in effect), and for
/// each good an SVG chart of that value day by day; beside them, the other bank's prices from its
/// newest imported bulletin (a good only the bulletin lists gets its own entry).
/// </summary>
public sealed class PricesModel(UiText text, PriceBoardService prices, IOptions<YaluWebOptions> options) : YaluPageModel(text)
{
    /// <summary>How many days back the board looks.</summary>
    public int WindowDays { get; private set; }

    /// <summary>The rate in effect today, if any.</summary>
    public KpwRate? Rate { get; private set; }

    /// <summary>The other bank's newest imported bulletin, if any.</summary>
    public OtherBankPrices? OtherBank { get; private set; }

    /// <summary>One row per good that changed hands in the window or is on the other bank's bulletin, by name.</summary>
    public IReadOnlyList<PriceView> Goods { get; private set; } = [];

    /// <summary>GET.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        WindowDays = (int)Math.Round(options.Value.PriceBoardWindow.TotalDays);
        var board = await prices.GetAsync(cancellationToken);
        Rate = board.Rate;
        OtherBank = board.OtherBank;
        var rows = new List<PriceView>();
        foreach (var row in board.Rows)
        {
            var good = row.Good;
            var points = row.Days.Select(d => new PriceChart.Point(d.Day, Yuan(d.MedianPerUnit))).ToList();
            string name = GoodDisplay.Name(good);
            string chart = PriceChart.Draw("p-" + good.Id.Value, points, T.Format("Keeper.Prices.Chart", name, T["UnitName." + good.Unit.Value]), CultureInfo.CurrentCulture);
            var other = OtherBank?.Find(good.Id);
            rows.Add(new PriceView(good.Id.Value, name, good.Unit.Value, row.Legs, Yuan(row.MedianPerUnit), Rate?.ToKpw(row.MedianPerUnit), row.LastTraded, chart,
                other is null ? null : Yuan(other.MedianPerUnit), other?.Legs));
        }
        foreach (var other in OtherBank?.Goods.Where(o => board.Rows.All(r => r.Good.Id != o.GoodId)) ?? [])
        {
            string name = other.Good is { } known ? GoodDisplay.Name(known) : T.Format("Keeper.Prices.UnknownGood", other.GoodId.Value);
            rows.Add(new PriceView(other.GoodId.Value, name, other.Good?.Unit.Value, 0, null, null, null, "", Yuan(other.MedianPerUnit), other.Legs));
        }
        Goods = [.. rows.OrderBy(r => r.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))];
    }

    private static decimal Yuan(Money amount) => amount.Fen / 100m;
}
