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
    public static async Task<Ok<List<LotResponse>>> Mine(ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var me = user.TraderId();
        var trader = await store.GetTraderAsync(me, cancellationToken);
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var lots = await store.ListLotsAsync(null, cancellationToken);
        return TypedResults.Ok(lots.Where(l => l.Owner == me).Select(l => LotResponse.From(l, trader, catalog)).ToList());
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
        CreateLotRequest request, ClaimsPrincipal user, IMarketStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var (lot, errors) = LotForm.Validate(request.Good, request.Quantity, request.Value, request.Note, catalog);
        if (lot is null) return Problems.Validation(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

        var me = user.TraderId();
        var posted = Lot.Post(me, lot.Good.Id, lot.Quantity, request.Note, lot.Value, request.Donor ?? false, null, clock);
        if (!posted.IsOk) return Problems.From(posted.Error);
        var stored = await store.AddLotAsync(posted.Value, me, cancellationToken);
        return TypedResults.Created($"/api/lots/{stored.Id}", LotResponse.From(stored, await store.GetTraderAsync(me, cancellationToken), catalog));
    }

    /// <summary>PATCH /api/lots/{id}.</summary>
    public static async Task<Results<Ok<LotResponse>, ProblemHttpResult>> Edit(
        string id, EditLotRequest request, ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        var (lot, problem) = await MineAsync(id, user, store, cancellationToken);
        if (problem is not null) return problem;
        if (request.Version is { } version && version != lot!.Version)
            return Problems.Of(409, ApiCodes.LotChanged, $"lot {id} is at version {lot.Version}, not {version}; read it again");

        var errors = new Dictionary<string, string[]>();
        var quantity = lot!.Quantity;
        if (request.Quantity is { } amount)
        {
            var q = Quantity.Create(amount, lot.Quantity.Unit);
            if (q.IsOk) quantity = q.Value;
            else errors["quantity"] = [q.Error.Message];
        }
        var value = lot.Value;
        if (request.Value is not null && (!Money.TryParse(request.Value, out value) || value < Money.Zero))
            errors["value"] = ["a value is an amount in CNY like 12.50, not negative"];
        if ((request.Note?.Length ?? 0) > Lot.MaxNoteLength) errors["note"] = [$"a note has at most {Lot.MaxNoteLength} characters"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var edited = lot.Edit(quantity, request.Note ?? lot.Note, value);
        if (!edited.IsOk) return Problems.From(edited.Error);
        var written = await store.UpdateLotAsync(edited.Value, user.TraderId(), cancellationToken);
        if (!written.IsOk) return Problems.From(written.Error);
        return TypedResults.Ok(await ResponseAsync(written.Value, store, cancellationToken));
    }

    /// <summary>POST /api/lots/{id}/withdraw.</summary>
    public static async Task<Results<Ok<LotResponse>, ProblemHttpResult>> Withdraw(string id, ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (lot, problem) = await MineAsync(id, user, store, cancellationToken);
        if (problem is not null) return problem;
        var withdrawn = lot!.Withdraw();
        if (!withdrawn.IsOk) return Problems.From(withdrawn.Error);
        var written = await store.UpdateLotAsync(withdrawn.Value, user.TraderId(), cancellationToken);
        if (!written.IsOk) return Problems.From(written.Error);
        return TypedResults.Ok(await ResponseAsync(written.Value, store, cancellationToken));
    }

    /// <summary>The caller's lot <paramref name="id"/>, or the problem: 404 when there is none, 403 when it is another trader's.</summary>
    internal static async Task<(Lot? Lot, ProblemHttpResult? Problem)> MineAsync(string id, ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken)
    {
        var lot = LotId.TryParse(id, out var lotId) ? await store.GetLotAsync(lotId, cancellationToken) : null;
        if (lot is null) return (null, NotFound(id));
        if (lot.Owner != user.TraderId()) return (null, Problems.Of(403, ApiCodes.LotNotYours, $"lot {id} belongs to another trader"));
        return (lot, null);
    }

    private static ProblemHttpResult NotFound(string id) => Problems.Of(404, ApiCodes.LotNotFound, $"there is no lot '{id}'");

    private static async Task<LotResponse> ResponseAsync(Lot lot, IMarketStore store, CancellationToken cancellationToken) =>
        LotResponse.From(lot, await store.GetTraderAsync(lot.Owner, cancellationToken), await store.GetCatalogAsync(cancellationToken));
}
