using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Web.Application;
using Yalu.Web.Catalog;
using Yalu.Web.Rates;

namespace Yalu.Web.Prices;

/// <summary>The price board, public.</summary>
public static class PriceBoardApi
{
    /// <summary>Maps /api/prices.</summary>
    public static RouteHandlerBuilder MapPriceBoard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/prices", Get).WithTags("Prices")
            .WithSummary("Median realised value per good over the confirmed legs of recent rounds (30 days by default), with today's KPW/CNY rate, and the other bank's prices from its newest imported bulletin.");

    /// <summary>GET /api/prices.</summary>
    public static async Task<Ok<PriceBoardResponse>> Get(PriceBoardService prices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var board = await prices.GetAsync(cancellationToken);
        var rows = board.Rows.Select(r => new PriceRow(r.Good.Id.Value, new GoodNames(r.Good.NameEn, r.Good.NameKo, r.Good.NameZh), r.Good.Unit.Value, r.Legs,
            r.MedianValue.ToString(), r.MedianPerUnit.ToString(), board.Rate?.ToKpw(r.MedianPerUnit), r.LastTraded)).ToList();
        var other = board.OtherBank is not { } o ? null : new OtherBankResponse(Wire.Of(o.Market), o.Date, o.KpwPerCny, o.ImportedAt,
            [.. o.Goods.Select(g => new OtherBankRow(g.GoodId.Value, g.Good is { } good ? new GoodNames(good.NameEn, good.NameKo, good.NameZh) : null,
                g.Good?.Unit.Value, g.MedianPerUnit.ToString(), g.Legs))]);
        return TypedResults.Ok(new PriceBoardResponse(board.Since, board.Rate is null ? null : RateResponse.From(board.Rate), rows, other));
    }
}
