using System.Globalization;
using Microsoft.AspNetCore.Http;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Auth;

namespace Yalu.Web.Ui;

/// <summary>
/// Chooses the culture of a page request: a <c>?lang=ko|zh|en</c> on a GET (remembered in the
/// <see cref="UiCulture.CookieName"/> cookie and, when logged in, as the trader's language), else the
/// logged-in trader's stored language, else the cookie, else the best of <c>Accept-Language</c>,
/// else English. Sets both <see cref="CultureInfo.CurrentCulture"/> (numbers, dates) and
/// <see cref="CultureInfo.CurrentUICulture"/> (resources) for the rest of the request.
/// </summary>
public sealed class PageCultureMiddleware(RequestDelegate next, IMarketStore store)
{
    /// <summary>Runs the request in its culture.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A re-executed request (an error page) keeps the language chosen for the original one.
        if (context.Items[ItemKey] is not Language language)
        {
            language = await ChooseAsync(context);
            context.Items[ItemKey] = language;
        }
        var culture = UiCulture.Of(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await next(context);
    }

    private static readonly object ItemKey = new();

    private async Task<Language> ChooseAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) && UiCulture.TryParse(request.Query["lang"], out var asked))
        {
            await RememberAsync(context, store, asked);
            return asked;
        }
        if (context.User.Identity?.IsAuthenticated == true && UiCulture.TryParse(context.User.FindFirst(YaluAuth.LanguageClaim)?.Value, out var stored))
            return stored;
        if (UiCulture.TryParse(request.Cookies[UiCulture.CookieName], out var remembered)) return remembered;
        return FromAcceptLanguage(request);
    }

    /// <summary>
    /// Remembers <paramref name="language"/>: the cookie for this browser and, when a trader is
    /// logged in, their stored language (what the pages use for them from now on, on any device).
    /// </summary>
    public static async Task RememberAsync(HttpContext context, IMarketStore store, Language language)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        context.Response.Cookies.Append(UiCulture.CookieName, Wire.Of(language), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        if (context.User.Identity?.IsAuthenticated != true) return;
        var me = context.User.TraderId();
        var trader = await store.GetTraderAsync(me, context.RequestAborted);
        if (trader is null || trader.Language == language) return;
        await store.UpdateTraderAsync(trader.WithProfile(trader.Side, language), me, context.RequestAborted);
    }

    private static Language FromAcceptLanguage(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values)) return Language.En;
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1.0))
        {
            string tag = value.Value.Value ?? "";
            string primary = tag.Split('-')[0].ToLowerInvariant();
            if (UiCulture.TryParse(primary, out var language)) return language;
        }
        return Language.En;
    }
}
