using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Api;
using Yalu.Web.Auth;
using Yalu.Web.Idempotency;
using Yalu.Web.Security;

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
        RegisterRequest request, IMarketStore store, IOptions<YaluWebOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string[]>();
        var handle = Handle.Create(request.Handle);
        if (!handle.IsOk) errors["handle"] = [handle.Error.Message];
        string phrase = (request.PassPhrase ?? "").Normalize(NormalizationForm.FormC);
        int min = options.Value.MinPassPhraseLength;
        int length = new StringInfo(phrase).LengthInTextElements;
        if (length < min || phrase.Length > 256) errors["passPhrase"] = [$"a pass phrase has {min} to 256 characters"];
        if (!Wire.TryParseSide(request.Side, Side.Hyesan, out var side)) errors["side"] = ["side is 'hyesan' or 'changbai'"];
        if (!Wire.TryParseLanguage(request.Language, Language.Ko, out var language)) errors["language"] = ["language is 'ko', 'zh' or 'en'"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var trader = Trader.Register(handle.Value, side, language, clock);
        var added = await store.AddTraderAsync(trader, trader.Id, cancellationToken);
        if (!added.IsOk) return Problems.From(added.Error);
        await store.SetCredentialAsync(trader.Id, options.Value.Hasher.Hash(phrase), trader.Id, cancellationToken);
        return TypedResults.Created("/api/traders/me", TraderResponse.From(trader));
    }

    /// <summary>POST /api/traders/login.</summary>
    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, IMarketStore store, IWebStateStore sessions, LoginThrottle throttle,
        IOptions<YaluWebOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(throttle);
        ArgumentNullException.ThrowIfNull(options);
        var handle = Handle.Create(request.Handle);
        if (!handle.IsOk || string.IsNullOrEmpty(request.PassPhrase))
            return Problems.Validation(!handle.IsOk ? "handle" : "passPhrase", "a handle and a pass phrase are required");
        string key = handle.Value.Key;
        if (!throttle.MayTry(key, out var wait))
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Problems.Of(429, ApiCodes.AuthThrottled, "too many failed logins for this handle; try again later");
        }
        var trader = await store.FindTraderAsync(handle.Value, cancellationToken);
        string? hash = trader is null ? null : await store.GetCredentialAsync(trader.Id, cancellationToken);
        // Verify against a stand-in when the handle is unknown, so the time taken does not tell which handles exist.
        bool ok = PassphraseHasher.Verify(request.PassPhrase, hash ?? DummyHash(options.Value.Hasher)) && trader is not null && hash is not null;
        if (!ok || trader is null)
        {
            throttle.Failed(key);
            return Problems.Of(401, ApiCodes.AuthInvalidCredentials, "the handle or the pass phrase is wrong");
        }
        throttle.Succeeded(key);

        string token = SessionToken.Create();
        var expires = clock.GetUtcNow() + options.Value.SessionLifetime;
        await sessions.AddSessionAsync(SessionToken.StoredForm(token), trader.Id, expires, cancellationToken);
        context.Response.Cookies.Append(YaluAuth.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
        return TypedResults.Ok(new LoginResponse(token, expires, TraderResponse.From(trader)));
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

    private static string? _dummyHash;

    private static string DummyHash(PassphraseHasher hasher) => _dummyHash ??= hasher.Hash("not a pass phrase anybody has");
}
