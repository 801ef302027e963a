using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Market.Credit;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Api;
using Yalu.Web.Application;
using Yalu.Web.Auth;

namespace Yalu.Web.Credit;

/// <summary>
/// Credit: my account (balance, limit, entries, IOUs); the keeper's ledger and credit limits; IOUs
/// between traders (<see cref="CreditService"/>, <see cref="IouService"/>, which the pages call too).
/// </summary>
public static class CreditApi
{
    /// <summary>Maps /api/credit and /api/ious.</summary>
    public static IEndpointRouteBuilder MapCredit(this IEndpointRouteBuilder endpoints)
    {
        var credit = endpoints.MapGroup("/api/credit").WithTags("Credit");
        credit.MapGet("/me", Me).RequireAuthorization(YaluAuth.TraderPolicy).WithSummary("My balance, limit, newest entries and IOUs.");
        credit.MapGet("/ledger", Ledger).RequireAuthorization(YaluAuth.KeeperPolicy).WithSummary("Every balance, the pool's and the total, always 0.00 (keeper).");
        credit.MapPut("/limits/{handle}", SetLimit).RequireAuthorization(YaluAuth.KeeperPolicy).WithSummary("Set a trader's credit limit (keeper).");

        var setoff = endpoints.MapGroup("/api/setoff").WithTags("Credit").RequireAuthorization(YaluAuth.KeeperPolicy);
        setoff.MapPost("/", RunSetoff).WithSummary("Set off the accepted IOUs now (keeper): the most debt cleared, every net position kept; posted atomically.");
        setoff.MapGet("/", ListSetoffs).WithSummary("The newest set-off runs (keeper).");

        var ious = endpoints.MapGroup("/api/ious").WithTags("Credit").RequireAuthorization(YaluAuth.TraderPolicy);
        ious.MapGet("/", ListIous).WithSummary("My IOUs, as creditor or debtor, newest first.");
        ious.MapPost("/", Propose).WithSummary("Record that a trader owes me an amount (they accept or decline).");
        ious.MapPost("/{id}/accept", Accept).WithSummary("Accept an IOU I owe: it goes on the ledger.");
        ious.MapPost("/{id}/decline", Decline).WithSummary("Decline a proposed IOU (either party).");
        return endpoints;
    }

    /// <summary>GET /api/credit/me.</summary>
    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Me(ClaimsPrincipal user, CreditService credit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var account = await credit.AccountAsync(user.TraderId(), cancellationToken);
        if (!account.IsOk) return Problems.From(account);
        var a = account.Value;
        return TypedResults.Ok(new AccountResponse(a.Trader.Handle.Value, a.Balance.ToString(), a.Trader.CreditLimit.ToString(),
            [.. a.Entries.Select(e => EntryResponse.From(e, a))], [.. a.Ious.Select(i => IouResponse.From(i, a.Handles))]));
    }

    /// <summary>GET /api/credit/ledger.</summary>
    public static async Task<Ok<LedgerResponse>> Ledger(CreditService credit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var overview = await credit.OverviewAsync(cancellationToken);
        return TypedResults.Ok(new LedgerResponse(
            [.. overview.Traders.Select(t => new BalanceResponse(t.Handle.Value, overview.Balances.Of(t.Id).ToString(), t.CreditLimit.ToString()))],
            overview.Balances.Pool.ToString(), overview.Total.ToString()));
    }

    /// <summary>PUT /api/credit/limits/{handle}.</summary>
    public static async Task<Results<Ok<BalanceResponse>, ProblemHttpResult>> SetLimit(
        string handle, LimitRequest request, ClaimsPrincipal user, CreditService credit, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(store);
        var set = await credit.SetLimitAsync(user.TraderId(), handle, request.Limit, cancellationToken);
        if (!set.IsOk)
        {
            return set.Fields.Any(f => f.Field == "handle" && f.Code == UseCaseCodes.TraderNotFound)
                ? Problems.Of(404, ApiCodes.TraderNotFound, $"there is no trader '{handle}'")
                : Problems.From(set);
        }
        var balances = await store.GetBalancesAsync(cancellationToken);
        return TypedResults.Ok(new BalanceResponse(set.Value.Handle.Value, balances.Of(set.Value.Id).ToString(), set.Value.CreditLimit.ToString()));
    }

    /// <summary>POST /api/setoff.</summary>
    public static async Task<Results<Ok<SetoffResponse>, ProblemHttpResult>> RunSetoff(
        ClaimsPrincipal user, SetoffService setoff, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setoff);
        var ran = await setoff.RunAsync(user.TraderId(), cancellationToken);
        if (!ran.IsOk)
        {
            return ran.Error?.Code == ErrorCodes.ConcurrencyConflict
                ? Problems.Of(409, ApiCodes.CreditChanged, ran.Error.Message + "; run the set-off again")
                : Problems.From(ran);
        }
        var handles = await HandlesAsync(store, cancellationToken);
        var r = ran.Value.Run;
        return TypedResults.Ok(new SetoffResponse(r.Id.ToString("D"), r.At, r.Obligations, r.Total.ToString(), r.Cleared.ToString(), r.Remaining.ToString(),
            [.. ran.Value.Lines.Select(l => new SetoffLineResponse(l.Iou.Id.ToString(), handles.GetValueOrDefault(l.Iou.Debtor, "?"),
                handles.GetValueOrDefault(l.Iou.Creditor, "?"), l.Cancelled.ToString(), l.Iou.Remaining.ToString()))]));
    }

    /// <summary>GET /api/setoff.</summary>
    public static async Task<Ok<List<SetoffResponse>>> ListSetoffs(SetoffService setoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setoff);
        return TypedResults.Ok((await setoff.ListAsync(cancellationToken))
            .Select(r => new SetoffResponse(r.Id.ToString("D"), r.At, r.Obligations, r.Total.ToString(), r.Cleared.ToString(), r.Remaining.ToString(), []))
            .ToList());
    }

    /// <summary>GET /api/ious.</summary>
    public static async Task<Ok<List<IouResponse>>> ListIous(ClaimsPrincipal user, IouService ious, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ious);
        var handles = await HandlesAsync(store, cancellationToken);
        return TypedResults.Ok((await ious.ListAsync(user.TraderId(), cancellationToken)).Select(i => IouResponse.From(i, handles)).ToList());
    }

    /// <summary>POST /api/ious.</summary>
    public static async Task<Results<Created<IouResponse>, ProblemHttpResult>> Propose(
        ProposeIouRequest request, ClaimsPrincipal user, IouService ious, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ious);
        var proposed = await ious.ProposeAsync(user.TraderId(), new IouDraft(request.Debtor, request.Amount, request.Memo), cancellationToken);
        if (!proposed.IsOk) return Problems.From(proposed);
        return TypedResults.Created($"/api/ious/{proposed.Value.Id}", IouResponse.From(proposed.Value, await HandlesAsync(store, cancellationToken)));
    }

    /// <summary>POST /api/ious/{id}/accept.</summary>
    public static async Task<Results<Ok<IouResponse>, ProblemHttpResult>> Accept(
        string id, ClaimsPrincipal user, IouService ious, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ious);
        return await RespondAsync(await ious.AcceptAsync(user.TraderId(), id, cancellationToken), store, cancellationToken);
    }

    /// <summary>POST /api/ious/{id}/decline.</summary>
    public static async Task<Results<Ok<IouResponse>, ProblemHttpResult>> Decline(
        string id, ClaimsPrincipal user, IouService ious, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ious);
        return await RespondAsync(await ious.DeclineAsync(user.TraderId(), id, cancellationToken), store, cancellationToken);
    }

    private static async Task<Results<Ok<IouResponse>, ProblemHttpResult>> RespondAsync(Outcome<Iou> changed, IMarketStore store, CancellationToken cancellationToken)
    {
        if (changed.IsOk) return TypedResults.Ok(IouResponse.From(changed.Value, await HandlesAsync(store, cancellationToken)));
        return changed.Error?.Code == ErrorCodes.ConcurrencyConflict
            ? Problems.Of(409, ApiCodes.CreditChanged, changed.Error.Message + "; read the IOU again")
            : Problems.From(changed);
    }

    private static async Task<IReadOnlyDictionary<TraderId, string>> HandlesAsync(IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.ListTradersAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Handle.Value);
    }
}
