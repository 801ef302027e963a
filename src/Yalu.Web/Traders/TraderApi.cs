using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Storage;
using Yalu.Web.Api;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Idempotency;

namespace Yalu.Web.Traders;

/// <summary>Traders: register, log in, log out, who am I.</summary>
public static class TraderApi
{
    /// <summary>The rate-limiter policy of registration.</summary>
    public const string RegisterLimit = "register";

    /// <summary>Maps /api/traders.</summary>
    public static RouteGroupBuilder MapTraders(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/traders").WithTags("Traders");

        group.MapPost("/register", Register).RequireRateLimiting(RegisterLimit)
            .WithSummary("Register a trader with a handle and a pass phrase (role trader, no credit).");
        group.MapPost("/login", Login).WithMetadata(SkipIdempotencyReplay.Instance)
            .WithSummary("Log in: a session token as an HttpOnly SameSite=Strict cookie and in the body for Bearer use. 5 failures per 15 minutes per handle, then 429.");
        group.MapPost("/logout", Logout).RequireAuthorization(YaluAuth.TraderPolicy)
            .WithSummary("Log out: revoke this session.");
        group.MapGet("/me", Me).RequireAuthorization(YaluAuth.TraderPolicy)
            .WithSummary("The logged-in trader.");
        return group;
    }

    /// <summary>POST /api/traders/register.</summary>
    public static async Task<Results<Created<TraderResponse>, ProblemHttpResult>> Register(
        RegisterRequest request, TraderService traders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(traders);
        var registration = traders.Check(request.Handle, request.PassPhrase, request.Side, request.Language);
        if (!registration.IsOk) return Problems.From(registration);
        var added = await traders.RegisterAsync(registration.Value, cancellationToken);
        if (!added.IsOk) return Problems.From(added);
        return TypedResults.Created("/api/traders/me", TraderResponse.From(added.Value));
    }

    /// <summary>POST /api/traders/login.</summary>
    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, TraderService traders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(traders);
        var outcome = await traders.LoginAsync(request.Handle, request.PassPhrase, cancellationToken);
        switch (outcome.Status)
        {
            case LoginStatus.Malformed:
                return Problems.Validation(outcome.MalformedField!, "a handle and a pass phrase are required");
            case LoginStatus.Throttled:
                context.Response.Headers.RetryAfter = Math.Ceiling(outcome.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Problems.Of(429, ApiCodes.AuthThrottled, "too many failed logins for this handle; try again later");
            case LoginStatus.Invalid:
                return Problems.Of(401, ApiCodes.AuthInvalidCredentials, "the handle or the pass phrase is wrong");
            default:
                SessionCookie.Append(context, outcome.Token!, outcome.ExpiresAt);
                return TypedResults.Ok(new LoginResponse(outcome.Token!, outcome.ExpiresAt, TraderResponse.From(outcome.Trader!)));
        }
    }

    /// <summary>POST /api/traders/logout.</summary>
    public static async Task<NoContent> Logout(HttpContext context, IWebStateStore sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sessions);
        if (context.User.FindFirst(YaluAuth.SessionClaim)?.Value is { } stored) await sessions.RevokeSessionAsync(stored, cancellationToken);
        context.Response.Cookies.Delete(YaluAuth.CookieName, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        return TypedResults.NoContent();
    }

    /// <summary>GET /api/traders/me.</summary>
    public static async Task<Results<Ok<TraderResponse>, ProblemHttpResult>> Me(HttpContext context, IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var trader = await store.GetTraderAsync(context.User.TraderId(), cancellationToken);
        return trader is null ? Problems.Of(401, ApiCodes.AuthRequired, "the session's trader is gone") : TypedResults.Ok(TraderResponse.From(trader));
    }
}
