using System.Globalization;
using Microsoft.Extensions.Options;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/prices: the price board as <c>GET /api/prices</c> computes it (the median realised value
/// per unit of each good over the confirmed legs in the window, with the rate in effect), and for
/// each good an SVG chart of that value day by day.
/// </summary>
public sealed class PricesModel(UiText text, IMarketStore store, IWebStateStore legs, TimeProvider clock, IOptions<YaluWebOptions> options) : YaluPageModel(text)
{
    /// <summary>How many days back the board looks.</summary>
    public int WindowDays { get; private set; }

    /// <summary>The rate in effect today, if any.</summary>
    public KpwRate? Rate { get; private set; }

    /// <summary>One row per good that changed hands in the window, by name.</summary>
    public IReadOnlyList<PriceView> Goods { get; private set; } = [];

    /// <summary>GET.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        WindowDays = (int)Math.Round(options.Value.PriceBoardWindow.TotalDays);
        Rate = KpwRate.InEffect(await store.ListRatesAsync(cancellationToken), DateOnly.FromDateTime(now.UtcDateTime));
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var rows = new List<PriceView>();
        foreach (var byGood in (await legs.ListRealisedLegsAsync(now - options.Value.PriceBoardWindow, cancellationToken)).GroupBy(l => l.Good))
        {
            if (catalog.Find(byGood.Key) is not { } good) continue;
            decimal perUnit = Median(byGood.Select(PerUnit));
            var points = byGood.GroupBy(l => DateOnly.FromDateTime(l.At.UtcDateTime)).OrderBy(d => d.Key)
                .Select(d => new PriceChart.Point(d.Key, Median(d.Select(PerUnit)))).ToList();
            string name = GoodDisplay.Name(good);
            string chart = PriceChart.Draw("p-" + good.Id.Value, points, T.Format("Keeper.Prices.Chart", name, T["UnitName." + good.Unit.Value]), CultureInfo.CurrentCulture);
            decimal? kpw = Rate is null ? null : Rate.ToKpw(new Money((long)decimal.Round(perUnit * 100, 0, MidpointRounding.AwayFromZero)));
            rows.Add(new PriceView(good.Id.Value, name, good.Unit.Value, byGood.Count(), perUnit, kpw, byGood.Max(l => l.At), chart));
        }
        Goods = [.. rows.OrderBy(r => r.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))];
    }

    private static decimal PerUnit(RealisedLeg leg) => decimal.Round(leg.Value.Fen / leg.Quantity.Amount / 100m, 2, MidpointRounding.AwayFromZero);

    // The lower middle for an even count, as the API's board does: a value that was really paid.
    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
