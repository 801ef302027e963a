using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Api;
using Yalu.Web.Auth;

namespace Yalu.Web.Rounds;

/// <summary>
/// Legs at the handover (keeper only): confirm one as handed over, or fail it as a no-show, which
/// releases the rest of its loop or chain and reopens those lots for the next round. The
/// <see cref="TradeBook"/> decides; the store writes its change all or none.
/// </summary>
public static class LegApi
{
    /// <summary>Maps /api/legs.</summary>
    public static RouteGroupBuilder MapLegs(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/legs").WithTags("Rounds").RequireAuthorization(YaluAuth.KeeperPolicy);

        group.MapPost("/{id}/confirm", Confirm).WithSummary("The lot was handed over (keeper).");
        group.MapPost("/{id}/fail", Fail).WithSummary("A no-show (keeper): the leg fails, the rest of its exchange is released, their lots open again.");
        return group;
    }

    /// <summary>POST /api/legs/{id}/confirm.</summary>
    public static Task<Results<Ok<LegChangeResponse>, ProblemHttpResult>> Confirm(string id, ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, store, (book, leg) => book.Confirm(leg), "leg.confirmed", cancellationToken);

    /// <summary>POST /api/legs/{id}/fail.</summary>
    public static Task<Results<Ok<LegChangeResponse>, ProblemHttpResult>> Fail(string id, ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, store, (book, leg) => book.Fail(leg), "leg.failed", cancellationToken);

    private static async Task<Results<Ok<LegChangeResponse>, ProblemHttpResult>> ChangeAsync(
        string id, ClaimsPrincipal user, IMarketStore store, Func<TradeBook, LegId, Result<TradeBookChange>> operation, string kind,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var leg = LegId.TryParse(id, out var legId) ? await store.GetLegAsync(legId, cancellationToken) : null;
        if (leg is null) return Problems.Of(404, RoundCodes.LegNotFound, $"there is no leg '{id}'");
        var lots = await store.ListLotsAsync(null, cancellationToken);
        var book = new TradeBook(lots, await store.ListLegsAsync(leg.Round, cancellationToken));
        var change = operation(book, leg.Id);
        if (!change.IsOk)
        {
            return change.Error.Code == ErrorCodes.LegNotPending
                ? Problems.Of(409, RoundCodes.LegNotPending, change.Error.Message)
                : Problems.From(change.Error);
        }
        var written = await store.ApplyAsync(change.Value, kind, user.TraderId(), cancellationToken);
        if (!written.IsOk)
        {
            return written.Error.Code == ErrorCodes.ConcurrencyConflict
                ? Problems.Of(409, ApiCodes.Conflict, written.Error.Message + "; read the round again")
                : Problems.From(written.Error);
        }
        var view = await RoundView.LoadAsync(store, cancellationToken);
        var language = view.Traders.TryGetValue(user.TraderId(), out var me) ? me.Language : Language.En;
        return TypedResults.Ok(new LegChangeResponse(
            written.Value.Legs.Select(l => view.Leg(l, language)).ToList(),
            written.Value.Lots.Where(l => l.IsOpen).Select(l => l.Id.ToString()).ToList()));
    }
}
