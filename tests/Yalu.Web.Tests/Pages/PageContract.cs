using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Demo;
using Yalu.Testing;

namespace Yalu.Web.Tests.Pages;

/// <summary>
/// The page suite, written once like <see cref="ApiContract"/>: each provider's class supplies a
/// fresh store per test with the demo catalog; the pages run through WebApplicationFactory with
/// the same AddYaluWeb/UseYaluApi as `yalu serve`.
/// </summary>
public abstract partial class PageContract : IAsyncLifetime
{
    protected TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected SqlMarketStore Store { get; private set; } = null!;

    protected YaluApiFactory Factory { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected const string Phrase = "black pine 17 river";

    protected abstract Task<SqlMarketStore> OpenStoreAsync(TimeProvider clock);

    public virtual async ValueTask InitializeAsync()
    {
        Store = await OpenStoreAsync(Clock);
        await Store.UpsertGoodsAsync(DemoMarket.Catalog(), null, Ct);
        Factory = new YaluApiFactory(Store, Clock);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A browser: keeps cookies, does not follow redirects (tests look at them).</summary>
    protected HttpClient Browser() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return body;
    }

    protected static async Task<string> GetHtmlAsync(HttpClient browser, string path) => await HtmlAsync(await browser.GetAsync(path, Ct));

    /// <summary>The antiforgery token of the first form on the page.</summary>
    protected static string Token(string html)
    {
        var match = Regex.Match(html, "name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "no antiforgery token on the page");
        return match.Groups[1].Value;
    }

    /// <summary>Posts a form to <paramref name="path"/> with the token of <paramref name="pageWithForm"/>.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string pageWithForm, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__af", Token(pageWithForm)));
        return await browser.PostAsync(path, new FormUrlEncodedContent(all), Ct);
    }

    /// <summary>Registers <paramref name="handle"/> through the register page and logs in through the login page.</summary>
    protected async Task<HttpClient> LoggedInAsync(string handle, string lang = "en", bool keeper = false)
    {
        var browser = Browser();
        var form = await GetHtmlAsync(browser, $"/register?lang={lang}");
        var registered = await PostFormAsync(browser, "/register", form, ("Handle", handle), ("PassPhrase", Phrase), ("Side", "hyesan"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        if (keeper)
        {
            var trader = (await Store.FindTraderAsync(Handle.Parse(handle), Ct))!;
            Assert.True((await Store.UpdateTraderAsync(trader.WithRole(Role.Keeper), null, Ct)).IsOk);
        }
        var login = await GetHtmlAsync(browser, "/login");
        var loggedIn = await PostFormAsync(browser, "/login", login, ("Handle", handle), ("PassPhrase", Phrase));
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        return browser;
    }
}
