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
/// Rounds: a keeper starts one (it clears in the background, one at a time); anyone reads its state,
/// progress and summary; the keeper reads the whole result; each trader reads their own slip.
/// </summary>
public static class RoundApi
{
    /// <summary>Maps /api/rounds.</summary>
    public static RouteGroupBuilder MapRounds(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/rounds").WithTags("Rounds");

        group.MapPost("/", Start).RequireAuthorization(YaluAuth.KeeperPolicy)
            .WithSummary("Start a round now (keeper): it clears in the background; 202 with its state. One round at a time.");
        group.MapGet("/{id}", Get).WithSummary("A round's state, progress, parameters and summary (public).");
        group.MapGet("/{id}/result", Result).RequireAuthorization(YaluAuth.KeeperPolicy)
            .WithSummary("Every loop and chain of a cleared round, as legs (keeper).");
        group.MapGet("/{id}/slip", Slip).RequireAuthorization(YaluAuth.TraderPolicy)
            .WithSummary("My slip for a cleared round: whom to meet, what to hand over, what to receive. A keeper may ask for ?trader=handle.");
        return group;
    }

    /// <summary>POST /api/rounds.</summary>
    public static async Task<Results<Accepted<RoundResponse>, ProblemHttpResult>> Start(
        StartRoundRequest? request, ClaimsPrincipal user, RoundService rounds, IMarketStore store, RoundScheduler queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var started = await rounds.StartAsync(user.TraderId(),
            new RoundRequest(request?.CycleCap, request?.ChainCap, request?.Objective, request?.TimeLimitSeconds, request?.Credit), cancellationToken);
        if (!started.IsOk) return Problems.From(started);
        var round = started.Value;
        return TypedResults.Accepted($"/api/rounds/{round.Id}", await ResponseAsync(round, store, queue, cancellationToken));
    }

    /// <summary>GET /api/rounds/{id}.</summary>
    public static async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> Get(string id, IMarketStore store, RoundScheduler queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queue);
        var round = await FindAsync(id, store, cancellationToken);
        if (round is null) return NotFound(id);
        return TypedResults.Ok(await ResponseAsync(round, store, queue, cancellationToken));
    }

    /// <summary>GET /api/rounds/{id}/result.</summary>
    public static async Task<Results<Ok<RoundResultResponse>, ProblemHttpResult>> Result(
        string id, ClaimsPrincipal user, IMarketStore store, RoundScheduler queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queue);
        var round = await FindAsync(id, store, cancellationToken);
        if (round is null) return NotFound(id);
        if (NotCleared(round) is { } problem) return problem;
        var legs = await store.ListLegsAsync(round.Id, cancellationToken);
        var view = await RoundView.LoadAsync(store, cancellationToken);
        var language = view.Traders.TryGetValue(user.TraderId(), out var me) ? me.Language : Language.En;
        var loops = view.Loops(legs);
        var exchanges = legs.GroupBy(l => l.Exchange).OrderBy(g => g.Key)
            .Select(g => new ExchangeResponse(g.Key, loops.Contains(g.Key) ? "loop" : "chain", g.OrderBy(l => l.Position).Select(l => view.Leg(l, language)).ToList()))
            .ToList();
        return TypedResults.Ok(new RoundResultResponse(round.Id.ToString(), RoundSummaryResponse.From(legs, loops, queue.Status(round.Id)),
            exchanges.Where(e => e.Kind == "loop").ToList(), exchanges.Where(e => e.Kind == "chain").ToList()));
    }

    /// <summary>GET /api/rounds/{id}/slip?trader=handle.</summary>
    public static async Task<Results<Ok<SlipResponse>, ProblemHttpResult>> Slip(
        string id, string? trader, ClaimsPrincipal user, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var round = await FindAsync(id, store, cancellationToken);
        if (round is null) return NotFound(id);
        var whose = user.TraderId();
        if (trader is not null)
        {
            var handle = Handle.Create(trader);
            var named = handle.IsOk ? await store.FindTraderAsync(handle.Value, cancellationToken) : null;
            if (named?.Id != whose && !user.IsKeeper()) return Problems.Of(403, ApiCodes.AuthForbidden, "only a keeper reads another trader's slip");
            if (named is null) return Problems.Of(404, RoundCodes.TraderNotFound, $"no trader has the handle '{trader}'");
            whose = named.Id;
        }
        if (NotCleared(round) is { } problem) return problem;

        var legs = await store.ListLegsAsync(round.Id, cancellationToken);
        var view = await RoundView.LoadAsync(store, cancellationToken);
        var language = view.Traders.TryGetValue(whose, out var reader) ? reader.Language : Language.En;
        var entries = new List<SlipEntryResponse>();
        foreach (var leg in legs.OrderBy(l => l.Exchange).ThenBy(l => l.Position))
        {
            if (leg.Giver == whose)
                entries.Add(new(leg.Id.ToString(), leg.Exchange, "give", view.Ref(leg.Receiver), view.Lot(leg.Lot, language), RoundWire.Of(leg.State), HandoverCode.Of(leg.Id)));
            if (leg.Receiver == whose)
                entries.Add(new(leg.Id.ToString(), leg.Exchange, "receive", view.Ref(leg.Giver), view.Lot(leg.Lot, language), RoundWire.Of(leg.State), HandoverCode.Of(leg.Id)));
        }
        var ordered = entries.OrderBy(e => e.Exchange).ThenBy(e => e.Action == "give" ? 0 : 1).ToList();
        return TypedResults.Ok(new SlipResponse(round.Id.ToString(), view.Ref(whose), ordered));
    }

    private static async Task<Round?> FindAsync(string id, IMarketStore store, CancellationToken cancellationToken) =>
        RoundId.TryParse(id, out var roundId) ? await store.GetRoundAsync(roundId, cancellationToken) : null;

    private static ProblemHttpResult NotFound(string id) => Problems.Of(404, RoundCodes.RoundNotFound, $"there is no round '{id}'");

    private static ProblemHttpResult? NotCleared(Round round) => round.State switch
    {
        RoundState.Cleared => null,
        RoundState.Failed => Problems.Of(409, RoundCodes.RoundFailed, $"round {round.Id} failed; it has no result"),
        _ => Problems.Of(409, RoundCodes.RoundRunning, $"round {round.Id} is still clearing; ask again when its progress is done"),
    };

    private static async Task<RoundResponse> ResponseAsync(Round round, IMarketStore store, RoundScheduler queue, CancellationToken cancellationToken)
    {
        var status = queue.Status(round.Id);
        var keeper = await store.GetTraderAsync(round.Keeper, cancellationToken);
        var progress = round.State switch
        {
            RoundState.Cleared => new RoundProgressResponse("done", 100),
            RoundState.Failed => new RoundProgressResponse("failed", 100),
            _ when status is not null => new RoundProgressResponse(status.Phase, status.Percent),
            _ => new RoundProgressResponse("interrupted", 0),
        };
        RoundSummaryResponse? summary = null;
        if (round.State == RoundState.Cleared)
        {
            var legs = await store.ListLegsAsync(round.Id, cancellationToken);
            var lots = (await store.ListLotsAsync(null, cancellationToken)).Where(l => l.IsDonor).Select(l => l.Id).ToHashSet();
            var loops = legs.GroupBy(l => l.Exchange).Where(g => !g.Any(l => lots.Contains(l.Lot))).Select(g => g.Key).ToHashSet();
            summary = RoundSummaryResponse.From(legs, loops, status);
        }
        return new RoundResponse(round.Id.ToString(), RoundWire.Of(round.State), keeper?.Handle.Value ?? "", RoundParametersResponse.From(round.Parameters),
            progress, summary, round.State == RoundState.Failed ? status?.Error : null, round.CreatedAt, round.FinishedAt);
    }
}
