using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Market.Catalog;
using Yalu.Storage;
using Yalu.Web.Api;

namespace Yalu.Web.Catalog;

/// <summary>The catalog: the goods a lot can offer, public.</summary>
public static class CatalogApi
{
    /// <summary>Maps /api/catalog.</summary>
    public static RouteGroupBuilder MapCatalog(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/catalog").WithTags("Catalog");

        group.MapGet("/goods", ListGoods).WithSummary("Every good: code, category, names in en/ko/zh, unit, price range.");
        group.MapGet("/goods/{id}", GetGood).WithSummary("One good.");
        return group;
    }

    /// <summary>GET /api/catalog/goods.</summary>
    public static async Task<Ok<List<GoodResponse>>> ListGoods(IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var catalog = await store.GetCatalogAsync(cancellationToken);
        return TypedResults.Ok(catalog.Goods.Select(GoodResponse.From).ToList());
    }

    /// <summary>GET /api/catalog/goods/{id}.</summary>
    public static async Task<Results<Ok<GoodResponse>, ProblemHttpResult>> GetGood(string id, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!GoodId.TryParse(id, out var goodId)) return Problems.Of(404, ApiCodes.GoodNotFound, $"there is no good '{id}'");
        var good = (await store.GetCatalogAsync(cancellationToken)).Find(goodId);
        return good is null ? Problems.Of(404, ApiCodes.GoodNotFound, $"there is no good '{id}'") : TypedResults.Ok(GoodResponse.From(good));
    }
}
