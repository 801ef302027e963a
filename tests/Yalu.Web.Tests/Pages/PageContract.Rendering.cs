using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Xunit;

namespace Yalu.Web.Tests.Pages;

public abstract partial class PageContract
{
    private static readonly Dictionary<string, string> HtmlLang = new() { ["ko"] = "ko", ["zh"] = "zh-Hans", ["en"] = "en" };

    // One word of the navigation per language: proof the page is in that language, not just tagged so.
    private static readonly Dictionary<string, string> NavPrices = new() { ["ko"] = "가격", ["zh"] = "价格", ["en"] = "Prices" };

    [Theory]
    [InlineData("ko")]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Every_trader_page_renders_in_the_traders_language_with_no_untranslated_key(string lang)
    {
        using var browser = await LoggedInAsync("kim-hana", lang);
        var market = await MarketAsync("kim-hana");
        var failures = new List<string>();
        foreach (string path in TraderPages(market))
        {
            var response = await browser.GetAsync(path, Ct);
            string html = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{path}: {(int)response.StatusCode}");
            if (!html.Contains($"<html lang=\"{HtmlLang[lang]}\">", StringComparison.Ordinal)) failures.Add($"{path}: html lang is not {HtmlLang[lang]}");
            if (!html.Contains(NavPrices[lang], StringComparison.Ordinal)) failures.Add($"{path}: not in {lang}");
            foreach (Match leak in Regex.Matches(html, @"\[\[[^\]]+\]\]")) failures.Add($"{path}: untranslated {leak.Value}");
            // The encoder still writes emoji and some spaces (U+202F in English times) as references; letters must not be.
            foreach (Match escaped in Regex.Matches(html, "&#x([0-9A-F]+);"))
            {
                int code = Convert.ToInt32(escaped.Groups[1].Value, 16);
                if (code < 0x10000 && char.IsLetter((char)code)) failures.Add($"{path}: letter escaped as {escaped.Value}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("ko", "ko-KR,ko;q=0.9")]
    [InlineData("zh", "zh-CN,zh;q=0.9,en;q=0.5")]
    [InlineData("en", "fr-FR,fr;q=0.9")]
    public async Task A_visitor_gets_the_language_of_their_browser_else_english(string lang, string acceptLanguage)
    {
        using var browser = Browser();
        foreach (string path in PublicPages)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            string html = await HtmlAsync(await browser.SendAsync(request, Ct));
            Assert.Contains($"<html lang=\"{HtmlLang[lang]}\">", html, StringComparison.Ordinal);
            Assert.Contains(NavPrices[lang], html, StringComparison.Ordinal);
            Assert.DoesNotContain("[[", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_language_switch_sets_the_cookie_and_the_logged_in_traders_language()
    {
        using var visitor = Browser();
        string page = await GetHtmlAsync(visitor, "/prices");
        var switched = await PostFormAsync(visitor, "/lang", page, ("lang", "zh"), ("returnUrl", "/prices"));
        await AssertRedirectAsync(switched, "/prices");
        Assert.Contains("<html lang=\"zh-Hans\">", await GetHtmlAsync(visitor, "/prices"), StringComparison.Ordinal);
        var away = await PostFormAsync(visitor, "/lang", page, ("lang", "en"), ("returnUrl", "https://evil.example/"));
        await AssertRedirectAsync(away, "/");
        Assert.Equal("/", away.Headers.Location!.OriginalString);

        using var trader = await LoggedInAsync("park-su", "en");
        string home = await GetHtmlAsync(trader, "/");
        await AssertRedirectAsync(await PostFormAsync(trader, "/lang", home, ("lang", "ko"), ("returnUrl", "/")), "/");
        Assert.Equal(Yalu.Market.Trading.Language.Ko, (await Store.FindTraderAsync(Yalu.Market.Trading.Handle.Parse("park-su"), Ct))!.Language);
        Assert.Contains("<html lang=\"ko\">", await GetHtmlAsync(trader, "/"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\">", await GetHtmlAsync(trader, "/lots?lang=zh"), StringComparison.Ordinal);
        Assert.Equal(Yalu.Market.Trading.Language.Zh, (await Store.FindTraderAsync(Yalu.Market.Trading.Handle.Parse("park-su"), Ct))!.Language);
    }

    [Fact]
    public async Task Korean_pages_use_the_north_korean_names_of_goods_and_format_kpw_at_the_rate_of_the_day()
    {
        using var browser = await LoggedInAsync("kim-hana", "ko");
        var market = await MarketAsync("kim-hana");
        string goods = await GetHtmlAsync(browser, "/lots/new?category=seafood");
        Assert.Contains("마른명태", goods, StringComparison.Ordinal);
        Assert.Contains("밥조개", goods, StringComparison.Ordinal);
        Assert.DoesNotContain("가리비", goods, StringComparison.Ordinal);
        Assert.DoesNotContain("南", goods, StringComparison.Ordinal);
        string wants = await GetHtmlAsync(browser, $"/lots/{market.MyLot}/wants");
        // 30.00 CNY at 4,920 KPW a yuan.
        Assert.Contains("147,600", wants, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_pages_first_load_is_under_60_KB_compressed()
    {
        using var browser = await LoggedInAsync("kim-hana", "ko");
        var market = await MarketAsync("kim-hana");
        var sizes = new List<string>();
        long css = await CompressedSizeAsync(browser, "/site.css");
        long js = await CompressedSizeAsync(browser, "/print.js");
        foreach (string path in TraderPages(market))
        {
            long page = await CompressedSizeAsync(browser, path);
            long total = page + css + (path == "/slip" ? js : 0);
            sizes.Add($"{path}: {page} B + site.css {css} B = {total} B");
            Assert.True(total < 60 * 1024, $"{path} weighs {total} bytes compressed");
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', sizes));
        if (Environment.GetEnvironmentVariable("YALU_PAGE_WEIGHTS") is { Length: > 0 } file) await File.WriteAllLinesAsync(file, sizes, Ct);
    }

    private static async Task<long> CompressedSizeAsync(HttpClient browser, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await browser.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
        return (await response.Content.ReadAsByteArrayAsync(Ct)).LongLength;
    }
}
