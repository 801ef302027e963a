using Microsoft.Playwright;
using Xunit;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>Choosing the pages' language in a browser context, as <c>?lang=</c> on any page does.</summary>
public static class Language
{
    /// <summary>
    /// Switches the context to <paramref name="language"/> (ko, zh or en): remembered in the
    /// <c>yalu_lang</c> cookie and, when the context is logged in, as the trader's language.
    /// </summary>
    public static async Task UseAsync(IBrowserContext context, string language)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await context.APIRequest.GetAsync("/?lang=" + language);
        Assert.True(response.Ok, $"GET /?lang={language}: {response.Status}");
    }
}
