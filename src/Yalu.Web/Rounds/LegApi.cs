using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Api;
using Yalu.Web.Application;
using Yalu.Web.Auth;

namespace Yalu.Web.Rounds;

/// <summary>
/// Legs at the handover (keeper only): confirm one as handed over, or fail it as a no-show, which
/// releases the rest of its loop or chain and reopens those lots for the next round
/// (<see cref="LegService"/>, which the keeper's round page calls too).
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
    public static async Task<Results<Ok<LegChangeResponse>, ProblemHttpResult>> Confirm(
        string id, ClaimsPrincipal user, LegService legs, IMarketStore store, CancellationToken cancellationToken) =>
        await RespondAsync(await legs.ConfirmAsync(user.TraderId(), id, cancellationToken), user, store, cancellationToken);

    /// <summary>POST /api/legs/{id}/fail.</summary>
    public static async Task<Results<Ok<LegChangeResponse>, ProblemHttpResult>> Fail(
        string id, ClaimsPrincipal user, LegService legs, IMarketStore store, CancellationToken cancellationToken) =>
        await RespondAsync(await legs.FailAsync(user.TraderId(), id, cancellationToken), user, store, cancellationToken);

    private static async Task<Results<Ok<LegChangeResponse>, ProblemHttpResult>> RespondAsync(
        Outcome<TradeBookChange> written, ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken)
    {
        if (!written.IsOk)
        {
            return written.Error?.Code == ErrorCodes.ConcurrencyConflict
                ? Problems.Of(409, ApiCodes.Conflict, written.Error.Message + "; read the round again")
                : Problems.From(written);
        }
        var view = await RoundView.LoadAsync(store, cancellationToken);
        var language = view.Traders.TryGetValue(user.TraderId(), out var me) ? me.Language : Language.En;
        return TypedResults.Ok(new LegChangeResponse(
            written.Value.Legs.Select(l => view.Leg(l, language)).ToList(),
            written.Value.Lots.Where(l => l.IsOpen).Select(l => l.Id.ToString()).ToList()));
    }
}
