using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>
/// /prices: the public price board, the same figures as <c>GET /api/prices</c>, with KPW at the rate
/// of the day, and beside them the other bank's prices from its newest imported bulletin.
/// </summary>
public sealed class PricesModel(UiText text, PriceBoardService prices, IMarketStore store, TimeProvider clock) : YaluPageModel(text)
{
    /// <summary>One good on the board.</summary>
    /// <param name="Good">The good.</param>
    /// <param name="PerUnit">The median value of one unit here, or null when it did not trade here in the window.</param>
    /// <param name="Legs">How many confirmed legs here.</param>
    /// <param name="Last">When it last traded here.</param>
    /// <param name="Other">The other bank's median value of one unit, from its bulletin, or null.</param>
    public sealed record Row(Good Good, Money? PerUnit, int Legs, DateTimeOffset? Last, Money? Other);

    /// <summary>The board's rows, in catalog order: the goods traded here and the catalog goods on the other bank's bulletin.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The other bank's newest imported bulletin, if any.</summary>
    public OtherBankPrices? OtherBank { get; private set; }

    /// <summary>Money in the page's language, with today's rate.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>Reads the board.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var board = await prices.GetAsync(cancellationToken);
        Format = await UiFormat.TodayAsync(T, store, clock, cancellationToken);
        OtherBank = board.OtherBank;
        var here = board.Rows.Select(r => new Row(r.Good, r.MedianPerUnit, r.Legs, r.LastTraded, OtherBank?.Find(r.Good.Id)?.MedianPerUnit));
        // A good the other bank's bulletin lists but this node's catalog lacks has no name to show a trader: left out here, named by code on the keeper's board.
        var thereOnly = (OtherBank?.Goods ?? []).Where(o => o.Good is not null && board.Rows.All(r => r.Good.Id != o.GoodId))
            .Select(o => new Row(o.Good!, null, 0, null, o.MedianPerUnit));
        Rows = [.. here.Concat(thereOnly).OrderBy(r => r.Good.Id.Value, StringComparer.Ordinal)];
    }
}
