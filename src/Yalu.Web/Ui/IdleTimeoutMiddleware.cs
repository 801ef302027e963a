using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Yalu.Storage;
using Yalu.Web.Auth;

namespace Yalu.Web.Ui;

/// <summary>
/// Ends a browser session left idle: a page request with the session cookie more than
/// <see cref="YaluWebOptions.PageIdleTimeout"/> after the previous one revokes the session, clears
/// the cookies and sends the browser to <c>/login?expired=true</c>, which says why in the trader's
/// language. The time of the last page request travels in the <see cref="CookieName"/> cookie
/// (HttpOnly, SameSite=Strict): a client can only shorten its own session with it, never lengthen
/// anyone else's. Bearer-token clients of the API are not affected.
/// </summary>
public sealed class IdleTimeoutMiddleware(RequestDelegate next, IWebStateStore sessions, TimeProvider clock, IOptions<YaluWebOptions> options)
{
    /// <summary>The cookie holding the Unix time (seconds) of the last page request.</summary>
    public const string CookieName = "yalu_seen";

    /// <summary>Checks and refreshes the idle clock of a page request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        bool browserSession = context.User.Identity?.IsAuthenticated == true
            && request.Cookies.ContainsKey(YaluAuth.CookieName)
            && string.IsNullOrEmpty(request.Headers.Authorization);
        if (!browserSession || !PagePaths.IsPage(request.Path))
        {
            await next(context);
            return;
        }

        long now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (long.TryParse(request.Cookies[CookieName], NumberStyles.None, CultureInfo.InvariantCulture, out long seen)
            && now - seen > (long)options.Value.PageIdleTimeout.TotalSeconds)
        {
            if (context.User.FindFirst(YaluAuth.SessionClaim)?.Value is { } stored) await sessions.RevokeSessionAsync(stored, context.RequestAborted);
            EndBrowserSession(context);
            context.Response.Redirect(PagePaths.Login + "?expired=true");
            return;
        }
        Touch(context, now, options.Value.SessionLifetime);
        await next(context);
    }

    /// <summary>
    /// Starts or refreshes the idle clock of a browser session. The cookie lives as long as a session
    /// can, so closing the browser does not reset the clock.
    /// </summary>
    public static void Touch(HttpContext context, long unixSeconds, TimeSpan sessionLifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cookie = Options(context);
        cookie.MaxAge = sessionLifetime;
        context.Response.Cookies.Append(CookieName, unixSeconds.ToString(CultureInfo.InvariantCulture), cookie);
    }

    /// <summary>Deletes the session and idle cookies (logout, expiry).</summary>
    public static void EndBrowserSession(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(YaluAuth.CookieName, Options(context));
        context.Response.Cookies.Delete(CookieName, Options(context));
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
