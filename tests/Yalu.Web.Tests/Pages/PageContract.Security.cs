using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Yalu.Web.Tests.Pages;

public abstract partial class PageContract
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    [Fact]
    public async Task Pages_carry_the_content_security_policy_no_referrer_and_nosniff_and_the_api_keeps_working()
    {
        using var browser = await LoggedInAsync("kim-hana");
        var market = await MarketAsync("kim-hana");
        foreach (string path in TraderPages(market).Append("/site.css"))
        {
            var response = await browser.GetAsync(path, Ct);
            Assert.Equal(Csp, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            string html = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
            Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        }
        var api = await browser.GetAsync("/api/lots", Ct);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.False(api.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());

        // The browser's session cookie still works for JSON writes: no antiforgery token is asked of the API.
        var posted = await browser.PostAsync("/api/lots", new StringContent("""{"good":"G04","quantity":5,"value":"8.00"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("kim-hana", (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("owner").GetString());
    }

    [Fact]
    public async Task The_session_and_antiforgery_cookies_are_httponly_and_samesite_strict()
    {
        using var browser = Browser();
        var form = await browser.GetAsync("/register", Ct);
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("yalu_af=", StringComparison.Ordinal));
        AssertStrict(antiforgery);
        string registerPage = await form.Content.ReadAsStringAsync(Ct);
        await AssertRedirectAsync(await PostFormAsync(browser, "/register", registerPage, ("Handle", "kim-hana"), ("PassPhrase", Phrase)), "/login");
        string loginPage = await GetHtmlAsync(browser, "/login");
        var login = await PostFormAsync(browser, "/login", loginPage, ("Handle", "kim-hana"), ("PassPhrase", Phrase));
        await AssertRedirectAsync(login, "/");
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        AssertStrict(cookies.Single(c => c.StartsWith("yalu_session=", StringComparison.Ordinal)));
        AssertStrict(cookies.Single(c => c.StartsWith("yalu_seen=", StringComparison.Ordinal)));

        static void AssertStrict(string cookie)
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP in the test; Secure under TLS
        }
    }

    [Fact]
    public async Task Every_form_post_without_the_antiforgery_token_is_refused_with_400()
    {
        using var browser = await LoggedInAsync("kim-hana");
        var market = await MarketAsync("kim-hana");
        string[] posts =
        [
            "/register", "/login", "/logout", "/lang", "/lots/new", $"/lots?handler=withdraw&id={market.MyLot}",
            $"/lots/{market.MyLot}/wants?handler=remove&i=0", $"/lots/{market.MyLot}/wants?handler=addgood",
        ];
        foreach (string path in posts)
        {
            var response = await browser.PostAsync(path, new FormUrlEncodedContent([new("Handle", "x"), new("lang", "ko"), new("RuleGood", "G01")]), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }
        var wants = await Store.GetWantListAsync(LotOf(market.MyLot), Ct);
        Assert.Equal(3, wants!.Entries.Length);
        Assert.True((await Store.GetLotAsync(LotOf(market.MyLot), Ct))!.IsOpen);
    }

    [Fact]
    public async Task A_page_that_needs_a_session_sends_the_visitor_to_log_in_and_back()
    {
        using var browser = Browser();
        foreach (string path in new[] { "/lots", "/lots/new?category=grain", "/slip", "/history" })
            await AssertRedirectAsync(await browser.GetAsync(path, Ct), "/login?returnUrl=" + Uri.EscapeDataString(path));
        await RegisterThroughPagesAsync(browser, "kim-hana");
        string login = await GetHtmlAsync(browser, "/login?returnUrl=%2Fslip");
        Assert.Contains("action=\"/login?returnUrl=%2Fslip\"", login, StringComparison.Ordinal);
        var back = await PostFormAsync(browser, "/login?returnUrl=%2Fslip", login, ("Handle", "kim-hana"), ("PassPhrase", Phrase));
        await AssertRedirectAsync(back, "/slip");
    }

    [Fact]
    public async Task A_wrong_pass_phrase_is_a_translated_error_and_a_session_idle_for_30_minutes_ends()
    {
        using var browser = Browser();
        await RegisterThroughPagesAsync(browser, "kim-hana", "ko");
        string login = await GetHtmlAsync(browser, "/login");
        var wrong = await PostFormAsync(browser, "/login", login, ("Handle", "kim-hana"), ("PassPhrase", "not my phrase at all"));
        string refused = await HtmlAsync(wrong);
        Assert.Contains("이름이나 암호문이 틀립니다.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"kim-hana\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("not my phrase at all", refused, StringComparison.Ordinal);

        await AssertRedirectAsync(await PostFormAsync(browser, "/login", login, ("Handle", "kim-hana"), ("PassPhrase", Phrase)), "/");
        await GetHtmlAsync(browser, "/lots");
        Clock.Advance(TimeSpan.FromMinutes(29));
        await GetHtmlAsync(browser, "/lots");
        Clock.Advance(TimeSpan.FromMinutes(29));
        await GetHtmlAsync(browser, "/slip");
        Clock.Advance(TimeSpan.FromMinutes(31));
        await AssertRedirectAsync(await browser.GetAsync("/lots", Ct), "/login?expired=true");
        string expired = await GetHtmlAsync(browser, "/login?expired=true");
        Assert.Contains("한동안 쓰지 않아 나가기 되였습니다.", expired, StringComparison.Ordinal);
        await AssertRedirectAsync(await browser.GetAsync("/lots", Ct), "/login?returnUrl=");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/traders/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Logging_out_revokes_the_session()
    {
        using var browser = await LoggedInAsync("kim-hana");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/traders/me", Ct)).StatusCode);
        string home = await GetHtmlAsync(browser, "/");
        await AssertRedirectAsync(await PostFormAsync(browser, "/logout", home), "/login?loggedOut=true");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/traders/me", Ct)).StatusCode);
        await AssertRedirectAsync(await browser.GetAsync("/lots", Ct), "/login");
    }

    [Fact]
    public async Task A_browser_gets_translated_error_pages_and_the_api_keeps_its_problem_details()
    {
        using var browser = Browser();
        var missing = await browser.GetAsync("/no-such-page?lang=ko", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        string html = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"ko\">", html, StringComparison.Ordinal);
        Assert.Contains("찾을 수 없음", html, StringComparison.Ordinal);

        var stale = await browser.PostAsync("/login", new FormUrlEncodedContent([new("Handle", "x")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("다시 열고", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var api = await browser.GetAsync("/api/no-such-thing", Ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Registrations_through_the_page_are_limited_node_wide_but_looking_at_the_form_is_not()
    {
        await using var limited = new YaluApiFactory(Store, Clock, o => o.RegistrationsPerMinute = 2);
        using var browser = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string form = "";
        for (int i = 0; i < 5; i++) form = await GetHtmlAsync(browser, "/register?lang=en");
        for (int i = 0; i < 2; i++)
            await AssertRedirectAsync(await PostFormAsync(browser, "/register", form, ("Handle", $"new-{i}"), ("PassPhrase", Phrase)), "/login");
        var refused = await PostFormAsync(browser, "/register", form, ("Handle", "new-2"), ("PassPhrase", Phrase));
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Contains("Too many registrations just now", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await Store.FindTraderAsync(Yalu.Market.Trading.Handle.Parse("new-2"), Ct));
    }

    [Fact]
    public async Task Keeper_pages_send_visitors_to_log_in_show_traders_the_403_page_and_only_keepers_see_the_link()
    {
        using var keeper = await LoggedInAsync("keeper-k", keeper: true);
        using var trader = await LoggedInAsync("kim-hana");
        Assert.Contains("href=\"/keeper\"", await GetHtmlAsync(keeper, "/"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/keeper\"", await GetHtmlAsync(trader, "/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await keeper.GetAsync("/keeper", Ct)).StatusCode);

        using var visitor = Browser();
        foreach (string path in new[] { "/keeper", "/keeper/rates", "/keeper/prices", "/keeper/rounds/new", "/keeper/credit" })
        {
            await AssertRedirectAsync(await visitor.GetAsync(path, Ct), "/login?returnUrl=" + Uri.EscapeDataString(path));
            var refused = await trader.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("This page is for the market keeper.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await keeper.GetAsync(path, Ct)).StatusCode);
        }
    }

    protected static async Task RegisterThroughPagesAsync(HttpClient browser, string handle, string lang = "en")
    {
        string form = await GetHtmlAsync(browser, $"/register?lang={lang}");
        await AssertRedirectAsync(await PostFormAsync(browser, "/register", form, ("Handle", handle), ("PassPhrase", Phrase), ("Side", "hyesan")), "/login");
    }
}
