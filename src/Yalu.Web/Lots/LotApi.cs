using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Api;
using Yalu.Web.Application;
using Yalu.Web.Auth;

namespace Yalu.Web.Lots;

/// <summary>Lots: public search of open lots; post, edit and withdraw my own.</summary>
public static class LotApi
{
    /// <summary>Maps /api/lots.</summary>
    public static RouteGroupBuilder MapLots(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/lots").WithTags("Lots");

        group.MapGet("/", Search).CacheOutput(MarketOutputCache.Policy).WithSummary("Open lots, optionally of one good, category or side (public).");
        group.MapGet("/mine", Mine).RequireAuthorization(YaluAuth.TraderPolicy).WithSummary("My lots in every state.");
        group.MapGet("/{id}", Get).WithSummary("One lot: any open lot; a closed one only to its owner or a keeper.");
        group.MapPost("/", Create).RequireAuthorization(YaluAuth.TraderPolicy).WithSummary("Post a lot of mine.");
        group.MapPatch("/{id}", Edit).RequireAuthorization(YaluAuth.TraderPolicy).WithSummary("Edit an open lot of mine.");
        group.MapPost("/{id}/withdraw", Withdraw).RequireAuthorization(YaluAuth.TraderPolicy).WithSummary("Withdraw an open lot of mine.");
        return group;
    }

    /// <summary>GET /api/lots?good=&amp;category=&amp;side=.</summary>
    public static async Task<Results<Ok<List<LotResponse>>, ProblemHttpResult>> Search(
        string? good, string? category, string? side, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var errors = new Dictionary<string, string[]>();
        if (good is not null && !GoodId.IsValid(good)) errors["good"] = ["a good code is like G01"];
        if (category is not null && !CategoryId.IsValid(category)) errors["category"] = ["a category is like grain"];
        Side? bySide = null;
        if (side is not null)
        {
            if (Wire.TryParseSide(side, Side.Hyesan, out var s)) bySide = s;
            else errors["side"] = ["side is 'hyesan' or 'changbai'"];
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        var catalog = await store.GetCatalogAsync(cancellationToken);
        var traders = (await store.ListTradersAsync(cancellationToken)).ToDictionary(t => t.Id);
        var lots = await store.ListLotsAsync(LotState.Open, cancellationToken);
        var found = lots
            .Where(l => good is null || l.Good.Value == good)
            .Where(l => category is null || catalog.Find(l.Good)?.Category.Value == category)
            .Where(l => bySide is null || traders.GetValueOrDefault(l.Owner)?.Side == bySide)
            .Select(l => LotResponse.From(l, traders.GetValueOrDefault(l.Owner), catalog))
            .ToList();
        return TypedResults.Ok(found);
    }

    /// <summary>GET /api/lots/mine.</summary>
    public static async Task<Ok<List<LotResponse>>> Mine(ClaimsPrincipal user, LotService lots, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(store);
        var me = user.TraderId();
        var trader = await store.GetTraderAsync(me, cancellationToken);
        var catalog = await store.GetCatalogAsync(cancellationToken);
        return TypedResults.Ok((await lots.MineAsync(me, cancellationToken)).Select(l => LotResponse.From(l, trader, catalog)).ToList());
    }

    /// <summary>GET /api/lots/{id}.</summary>
    public static async Task<Results<Ok<LotResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(store);
        var lot = LotId.TryParse(id, out var lotId) ? await store.GetLotAsync(lotId, cancellationToken) : null;
        bool mine = lot is not null && user.Identity?.IsAuthenticated == true && (lot.Owner == user.TraderId() || user.IsKeeper());
        if (lot is null || (!lot.IsOpen && !mine)) return NotFound(id);
        return TypedResults.Ok(await ResponseAsync(lot, store, cancellationToken));
    }

    /// <summary>POST /api/lots.</summary>
    public static async Task<Results<Created<LotResponse>, ProblemHttpResult>> Create(
        CreateLotRequest request, ClaimsPrincipal user, LotService lots, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lots);
        var posted = await lots.PostAsync(user.TraderId(), new LotDraft(request.Good, request.Quantity, request.Value, request.Note, request.Donor ?? false), cancellationToken);
        if (!posted.IsOk) return Problems.From(posted);
        return TypedResults.Created($"/api/lots/{posted.Value.Id}", await ResponseAsync(posted.Value, store, cancellationToken));
    }

    /// <summary>PATCH /api/lots/{id}.</summary>
    public static async Task<Results<Ok<LotResponse>, ProblemHttpResult>> Edit(
        string id, EditLotRequest request, ClaimsPrincipal user, LotService lots, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lots);
        var edited = await lots.EditAsync(user.TraderId(), id, new LotEdit(request.Version, request.Quantity, request.Value, request.Note), cancellationToken);
        if (!edited.IsOk) return Problems.From(edited);
        return TypedResults.Ok(await ResponseAsync(edited.Value, store, cancellationToken));
    }

    /// <summary>POST /api/lots/{id}/withdraw.</summary>
    public static async Task<Results<Ok<LotResponse>, ProblemHttpResult>> Withdraw(
        string id, ClaimsPrincipal user, LotService lots, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var withdrawn = await lots.WithdrawAsync(user.TraderId(), id, cancellationToken);
        if (!withdrawn.IsOk) return Problems.From(withdrawn);
        return TypedResults.Ok(await ResponseAsync(withdrawn.Value, store, cancellationToken));
    }

    private static ProblemHttpResult NotFound(string id) => Problems.Of(404, ApiCodes.LotNotFound, $"there is no lot '{id}'");

    private static async Task<LotResponse> ResponseAsync(Lot lot, IMarketStore store, CancellationToken cancellationToken) =>
        LotResponse.From(lot, await store.GetTraderAsync(lot.Owner, cancellationToken), await store.GetCatalogAsync(cancellationToken));
}
