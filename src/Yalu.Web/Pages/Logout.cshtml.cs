using Microsoft.AspNetCore.Mvc;
using Yalu.Storage;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>/logout: POST revokes the session and clears its cookies; GET asks first.</summary>
public sealed class LogoutModel(UiText text, IWebStateStore sessions) : YaluPageModel(text)
{
    /// <summary>Logs out and shows the login page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirst(YaluAuth.SessionClaim)?.Value is { } stored) await sessions.RevokeSessionAsync(stored, cancellationToken);
        IdleTimeoutMiddleware.EndBrowserSession(HttpContext);
        return LocalRedirect(PagePaths.Login + "?loggedOut=true");
    }
}
