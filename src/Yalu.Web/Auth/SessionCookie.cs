using Microsoft.AspNetCore.Http;

namespace Yalu.Web.Auth;

/// <summary>The session cookie, set the same way by the login API and the login page.</summary>
public static class SessionCookie
{
    /// <summary>Sets the HttpOnly, SameSite=Strict session cookie (Secure over HTTPS) carrying <paramref name="token"/>.</summary>
    public static void Append(HttpContext context, string token, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(token);
        context.Response.Cookies.Append(YaluAuth.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
    }
}
