using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Api;
using Yalu.Web.Security;

namespace Yalu.Web.Auth;

/// <summary>
/// Authenticates a request by its session token (the <see cref="YaluAuth.CookieName"/> cookie or an
/// <c>Authorization: Bearer</c> header): the token's SHA-256 must name an unexpired session of an
/// existing trader. Challenges and refusals are ProblemDetails (<see cref="ApiCodes.AuthRequired"/>,
/// <see cref="ApiCodes.AuthForbidden"/>).
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IMarketStore store, IWebStateStore sessions, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const int MaxTokenLength = 128;

    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        string authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = authorization["Bearer ".Length..].Trim();
        else if (Request.Cookies.TryGetValue(YaluAuth.CookieName, out var cookie)) token = cookie;
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        if (token.Length > MaxTokenLength) return AuthenticateResult.Fail("malformed session token");

        string stored = SessionToken.StoredForm(token);
        var session = await sessions.FindSessionAsync(stored, Context.RequestAborted);
        if (session is null || session.ExpiresAt <= clock.GetUtcNow()) return AuthenticateResult.Fail("unknown or expired session");
        var trader = await store.GetTraderAsync(session.Trader, Context.RequestAborted);
        if (trader is null) return AuthenticateResult.Fail("the session's trader is gone");

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, trader.Id.ToString()),
            new Claim(ClaimTypes.Name, trader.Handle.Value),
            new Claim(ClaimTypes.Role, trader.Role == Role.Keeper ? YaluAuth.KeeperRole : YaluAuth.TraderRole),
            new Claim(YaluAuth.SessionClaim, stored),
            new Claim(YaluAuth.LanguageClaim, Wire.Of(trader.Language)),
        ], YaluAuth.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), YaluAuth.Scheme));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, 401, ApiCodes.AuthRequired, "log in first: send the session cookie or an Authorization: Bearer token");

    /// <inheritdoc/>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, 403, ApiCodes.AuthForbidden, "this endpoint is for keepers");
}
