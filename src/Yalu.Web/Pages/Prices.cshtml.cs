using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>/prices: the public price board, the same figures as <c>GET /api/prices</c>, with KPW at the rate of the day.</summary>
public sealed class PricesModel(UiText text, PriceBoardService prices, IMarketStore store, TimeProvider clock) : YaluPageModel(text)
{
    /// <summary>One good on the board.</summary>
    /// <param name="Good">The good.</param>
    /// <param name="PerUnit">The median value of one unit.</param>
    /// <param name="Legs">How many confirmed legs.</param>
    /// <param name="Last">When it last traded.</param>
    public sealed record Row(Good Good, Money PerUnit, int Legs, DateTimeOffset Last);

    /// <summary>The board's rows, in catalog order.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Money in the page's language, with today's rate.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>Reads the board.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var board = await prices.GetAsync(cancellationToken);
        Format = await UiFormat.TodayAsync(T, store, clock, cancellationToken);
        Rows = [.. board.Rows.Select(r => new Row(r.Good, r.MedianPerUnit, r.Legs, r.LastTraded))];
    }
}
