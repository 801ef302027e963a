using Microsoft.AspNetCore.Http;

namespace Yalu.Web.Ui;

/// <summary>
/// Security headers: on every response <c>X-Content-Type-Options: nosniff</c> and
/// <c>Referrer-Policy: no-referrer</c>; on pages and their files (not under <c>/api</c>) the
/// Content-Security-Policy <see cref="ContentSecurityPolicy"/>, which allows nothing from outside
/// the node and no inline script or style, and <c>X-Frame-Options: DENY</c> for old browsers.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The pages' Content-Security-Policy.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the headers when the response starts.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool page = PagePaths.IsPage(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (page)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
