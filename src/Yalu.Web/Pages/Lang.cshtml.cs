using Microsoft.AspNetCore.Mvc;
using Yalu.Storage;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>
/// POST /lang: the language switch of every page. Remembers the choice (cookie, and the trader's
/// stored language when logged in) and goes back to <c>returnUrl</c> on this node.
/// </summary>
public sealed class LangModel(UiText text, IMarketStore store) : YaluPageModel(text)
{
    /// <summary>GET /lang has nothing to show.</summary>
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Switches to <paramref name="lang"/> (ko, zh or en; anything else changes nothing).</summary>
    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl)
    {
        if (UiCulture.TryParse(lang, out var language)) await PageCultureMiddleware.RememberAsync(HttpContext, store, language);
        return LocalRedirect(PagePaths.Local(returnUrl));
    }
}
