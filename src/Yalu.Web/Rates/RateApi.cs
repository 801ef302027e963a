using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Api;
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
    public static async Task<Ok<List<RateResponse>>> List(IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return TypedResults.Ok((await store.ListRatesAsync(cancellationToken)).Select(RateResponse.From).ToList());
    }

    /// <summary>POST /api/rates.</summary>
    public static async Task<Results<Created<RateResponse>, ProblemHttpResult>> Record(
        RateRequest request, ClaimsPrincipal user, IMarketStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new Dictionary<string, string[]>();
        if (request.KpwPerCny is not > 0) errors["kpwPerCny"] = ["a rate is positive"];
        var date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.Date is not null && !DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            errors["date"] = ["a date is yyyy-MM-dd"];
        string place = request.Place ?? "Hyesan";
        if (string.IsNullOrWhiteSpace(place) || place.Length > 64) errors["place"] = ["a place has 1 to 64 characters"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var rate = new KpwRate(date, request.KpwPerCny!.Value, place);
        await store.AddRateAsync(rate, user.TraderId(), cancellationToken);
        return TypedResults.Created("/api/rates", RateResponse.From(rate));
    }
}
