using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Web.Api;
using Yalu.Web.Application;
using Yalu.Web.Auth;

namespace Yalu.Web.Rates;

/// <summary>Dated KPW/CNY rates: public to read, recorded by keepers.</summary>
public static class RateApi
{
    /// <summary>Maps /api/rates.</summary>
    public static RouteGroupBuilder MapRates(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/rates").WithTags("Rates");

        group.MapGet("/", List).WithSummary("Every recorded rate, newest first.");
        group.MapPost("/", Record).RequireAuthorization(YaluAuth.KeeperPolicy).WithSummary("Record a day's KPW/CNY rate (keepers only; replaces one of the same day and place).");
        return group;
    }

    /// <summary>GET /api/rates.</summary>
    public static async Task<Ok<List<RateResponse>>> List(RateService rates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return TypedResults.Ok((await rates.ListAsync(cancellationToken)).Select(RateResponse.From).ToList());
    }

    /// <summary>POST /api/rates.</summary>
    public static async Task<Results<Created<RateResponse>, ProblemHttpResult>> Record(
        RateRequest request, ClaimsPrincipal user, RateService rates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rates);
        var recorded = await rates.RecordAsync(user.TraderId(), request.KpwPerCny, request.Date, request.Place, cancellationToken);
        if (!recorded.IsOk) return Problems.From(recorded);
        return TypedResults.Created("/api/rates", RateResponse.From(recorded.Value));
    }
}
