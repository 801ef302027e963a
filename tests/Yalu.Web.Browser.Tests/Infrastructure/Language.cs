using Microsoft.Playwright;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>Choosing the pages' language in a browser context, as the language switch does.</summary>
public static class Language
{
    /// <summary>The culture cookie the node reads (ASP.NET Core's request-culture cookie).</summary>
    public const string CookieName = ".AspNetCore.Culture";

    /// <summary>Sets the context's language to <paramref name="language"/> (ko, zh or en) for the node at <paramref name="baseAddress"/>.</summary>
    public static Task UseAsync(IBrowserContext context, string baseAddress, string language)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.AddCookiesAsync([new Cookie { Name = CookieName, Value = $"c={language}|uic={language}", Url = baseAddress + "/" }]);
    }
}
