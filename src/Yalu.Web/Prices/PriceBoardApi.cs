using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Catalog;
using Yalu.Web.Rates;

namespace Yalu.Web.Prices;

/// <summary>The price board, public.</summary>
public static class PriceBoardApi
{
    /// <summary>Maps /api/prices.</summary>
    public static RouteHandlerBuilder MapPriceBoard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/prices", Get).WithTags("Prices")
            .WithSummary("Median realised value per good over the confirmed legs of recent rounds (30 days by default), with today's KPW/CNY rate.");

    /// <summary>GET /api/prices.</summary>
    public static async Task<Ok<PriceBoardResponse>> Get(
        IMarketStore store, IWebStateStore legs, TimeProvider clock, IOptions<YaluWebOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        var now = clock.GetUtcNow();
        var since = now - options.Value.PriceBoardWindow;
        var rate = KpwRate.InEffect(await store.ListRatesAsync(cancellationToken), DateOnly.FromDateTime(now.UtcDateTime));
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var rows = new List<PriceRow>();
        foreach (var byGood in (await legs.ListRealisedLegsAsync(since, cancellationToken)).GroupBy(l => l.Good).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            var good = catalog.Find(byGood.Key);
            if (good is null) continue;
            var value = new Money(Median(byGood.Select(l => l.Value.Fen).ToList()));
            var perUnit = new Money(Median(byGood.Select(l => (long)decimal.Round(l.Value.Fen / l.Quantity.Amount, 0, MidpointRounding.AwayFromZero)).ToList()));
            rows.Add(new PriceRow(good.Id.Value, new GoodNames(good.NameEn, good.NameKo, good.NameZh), good.Unit.Value, byGood.Count(),
                value.ToString(), perUnit.ToString(), rate?.ToKpw(perUnit), byGood.Max(l => l.At)));
        }
        return TypedResults.Ok(new PriceBoardResponse(since, rate is null ? null : RateResponse.From(rate), rows));
    }

    /// <summary>The median of a non-empty list (the lower middle for an even count: a value that was really paid).</summary>
    internal static long Median(List<long> values)
    {
        values.Sort();
        return values[(values.Count - 1) / 2];
    }
}
