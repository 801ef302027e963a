using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>
/// /login: the same login as the API (throttle, constant-work check, the HttpOnly SameSite=Strict
/// session cookie), then back to <see cref="ReturnUrl"/> on this node. The pass phrase is never
/// echoed back into the form.
/// </summary>
public sealed class LoginModel(
    UiText text, TraderService traders, IOptions<YaluWebOptions> options, TimeProvider clock)
    : YaluPageModel(text)
{
    /// <summary>The handle typed.</summary>
    [BindProperty]
    public string? Handle { get; set; }

    /// <summary>The pass phrase typed (not shown again).</summary>
    [BindProperty]
    public string? PassPhrase { get; set; }

    /// <summary>Where to go after logging in (a path on this node).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The idle timeout ended the previous session.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    /// <summary>The trader just logged out.</summary>
    [BindProperty(SupportsGet = true)]
    public bool LoggedOut { get; set; }

    /// <summary>The trader just registered.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Registered { get; set; }

    /// <summary>A page that needs a session sent the visitor here.</summary>
    public bool NeedLogin => !string.IsNullOrEmpty(ReturnUrl) && !Expired;

    /// <summary>Logs in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await traders.LoginAsync(Handle, PassPhrase, cancellationToken);
        PassPhrase = null;
        ModelState.Remove(nameof(PassPhrase));
        switch (outcome.Status)
        {
            case LoginStatus.Ok:
                SessionCookie.Append(HttpContext, outcome.Token!, outcome.ExpiresAt);
                IdleTimeoutMiddleware.Touch(HttpContext, clock.GetUtcNow().ToUnixTimeSeconds(), options.Value.SessionLifetime);
                return LocalRedirect(PagePaths.Local(ReturnUrl));
            case LoginStatus.Malformed:
                AddError(outcome.MalformedField == "handle" ? nameof(Handle) : nameof(PassPhrase), "required");
                break;
            case LoginStatus.Throttled:
                Response.Headers.RetryAfter = Math.Ceiling(outcome.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                AddError("", "throttled", Math.Max(1, (int)Math.Ceiling(outcome.RetryAfter.TotalMinutes)));
                break;
            default:
                AddError("", "invalid-credentials");
                break;
        }
        return Page();
    }
}
