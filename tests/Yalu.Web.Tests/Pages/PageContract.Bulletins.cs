using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Yalu.Formats.Bulletins;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Web.Application;

namespace Yalu.Web.Tests.Pages;

/// <summary>The keeper's bulletin pages: print, QR code, the type-in form and its import.</summary>
public abstract partial class PageContract
{
    private const string Receive = "/keeper/bulletin/receive";

    private static string ChangbaiBulletin(int day = 5) => BulletinText.Write(new Bulletin(Side.Changbai, new DateOnly(2026, 12, day), 1250m,
        [new BulletinLine(GoodId.Parse("G01"), Money.Parse("4.50"), 12), new BulletinLine(GoodId.Parse("H08"), Money.Parse("31.07"), 3)]), _ => "name");

    [Fact]
    public async Task The_bulletin_pages_are_for_the_keeper_and_every_post_without_the_antiforgery_token_is_refused()
    {
        using var keeper = await LoggedInAsync("keeper-k", keeper: true);
        using var trader = await LoggedInAsync("kim-hana");
        using var visitor = Browser();
        foreach (string path in new[] { "/keeper/bulletin", "/keeper/bulletin/qr", Receive })
        {
            await AssertRedirectAsync(await visitor.GetAsync(path, Ct), "/login?returnUrl=" + Uri.EscapeDataString(path));
            Assert.Equal(HttpStatusCode.Forbidden, (await trader.GetAsync(path, Ct)).StatusCode);
            Assert.Contains($"href=\"{path}\"", await GetHtmlAsync(keeper, path), StringComparison.Ordinal);
        }
        foreach (string path in new[] { Receive, Receive + "?handler=import" })
        {
            var response = await keeper.PostAsync(path, new FormUrlEncodedContent([new("Text", ChangbaiBulletin())]), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }
        Assert.Null(await Store.GetLatestBulletinAsync(Side.Changbai, Ct));
    }

    [Fact]
    public async Task A_typed_bulletin_with_a_miscopied_figure_has_that_line_marked_wrong_in_the_keepers_language_and_keeps_the_text()
    {
        using var keeper = await LoggedInAsync("keeper-k", "ko", keeper: true);
        string miscopied = ChangbaiBulletin().Replace(" 31.07 ", " 31.70 ", StringComparison.Ordinal);
        var form = await GetHtmlAsync(keeper, Receive);
        var checkedPage = await PostFormAsync(keeper, Receive, form, ("Text", miscopied));
        Assert.Equal((HttpStatusCode)422, checkedPage.StatusCode);
        string html = await checkedPage.Content.ReadAsStringAsync(Ct);

        Assert.Matches(new Regex("<li data-state=\"wrong\" data-line=\"3\">[^<]*<span class=\"mark\" aria-hidden=\"true\">✗</span>"), html);
        Assert.Contains("검사 숫자가 맞지 않습니다", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"intact\" data-line=\"2\"", html, StringComparison.Ordinal);
        // The header's own check covers each line's check digit, which was copied right: only line 3 is wrong.
        Assert.Contains("data-state=\"intact\" data-line=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("<code>2 H08 31.70 3 2 | name</code>", html, StringComparison.Ordinal);
        Assert.Contains("2 H08 31.70 3 2 | name&#xA;</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"import-bulletin\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[[", html, StringComparison.Ordinal);

        // Import of the wrong text anyway (a crafted post) stores nothing.
        var forced = await PostFormAsync(keeper, Receive + "?handler=import", form, ("Text", miscopied));
        Assert.Equal((HttpStatusCode)422, forced.StatusCode);
        Assert.Null(await Store.GetLatestBulletinAsync(Side.Changbai, Ct));
    }

    [Fact]
    public async Task An_intact_typed_bulletin_is_imported_once_and_its_prices_appear_on_both_price_boards()
    {
        using var keeper = await LoggedInAsync("keeper-b", keeper: true);
        await MarketAsync("keeper-b");
        var form = await GetHtmlAsync(keeper, Receive);
        var checkedPage = await HtmlAsync(await PostFormAsync(keeper, Receive, form, ("Text", ChangbaiBulletin())));
        Assert.Contains("id=\"import-bulletin\"", checkedPage, StringComparison.Ordinal);
        Assert.Contains("Every line is intact", checkedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-state=\"wrong\"", checkedPage, StringComparison.Ordinal);

        var imported = await PostFormAsync(keeper, Receive + "?handler=import", checkedPage, ("Text", ChangbaiBulletin()));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        string done = await GetHtmlAsync(keeper, imported.Headers.Location!.ToString());
        Assert.Contains("Imported the bulletin of the Changbai bank", done, StringComparison.Ordinal);
        var stored = await Store.GetLatestBulletinAsync(Side.Changbai, Ct);
        Assert.Equal([Money.Parse("4.50"), Money.Parse("31.07")], stored!.Bulletin.Lines.Select(l => l.MedianPerUnit));

        var again = await PostFormAsync(keeper, Receive + "?handler=import", checkedPage, ("Text", ChangbaiBulletin()));
        Assert.Contains("was imported before: nothing changed", await GetHtmlAsync(keeper, again.Headers.Location!.ToString()), StringComparison.Ordinal);

        // The keeper's board: the other bank's figures for goods not traded here in the window, each in an entry of its own.
        string board = await GetHtmlAsync(keeper, "/keeper/prices");
        Assert.Contains("Changbai bank", board, StringComparison.Ordinal);
        Assert.Matches(new Regex("<div class=\"other-bank\" data-good=\"H08\"><dt>[^<]*</dt><dd>31\\.07 CNY</dd>"), board);
        Assert.Matches(new Regex("<div class=\"other-bank\" data-good=\"G01\"><dt>[^<]*</dt><dd>4\\.50 CNY</dd>"), board);
        // The trader's board: the same figures in a column of their own.
        string prices = await GetHtmlAsync(keeper, "/prices");
        Assert.Matches(new Regex("<td class=\"num other-bank\" data-good=\"G01\">4\\.50 CNY</td>"), prices);
        Assert.Contains("id=\"other-bank\"", prices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulletin_of_the_nodes_own_market_is_refused_with_a_translated_message()
    {
        using var keeper = await LoggedInAsync("keeper-k", "zh", keeper: true);
        string own = BulletinText.Write(new Bulletin(Side.Hyesan, new DateOnly(2026, 12, 5), null, []));
        var form = await GetHtmlAsync(keeper, Receive);
        var refused = await PostFormAsync(keeper, Receive + "?handler=import", form, ("Text", own));
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains("只导入对岸的简报", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await Store.GetLatestBulletinAsync(Side.Hyesan, Ct));
    }

    [Fact]
    public async Task The_printable_bulletin_and_its_qr_code_carry_todays_bulletin_which_checks_intact()
    {
        using var keeper = await LoggedInAsync("keeper-b", keeper: true);
        await MarketAsync("keeper-b");
        var expected = await Factory.Services.GetRequiredService<BulletinService>().TodayAsync(Ct);
        Assert.NotEmpty(expected.Lines);

        string page = await GetHtmlAsync(keeper, "/keeper/bulletin");
        var lines = Regex.Matches(page, "<span class=\"bulletin-line\">([^<]*)</span>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var check = BulletinText.Check(string.Join('\n', lines));
        Assert.True(check.Intact, string.Join("; ", check.Result.Errors));
        Assert.Equal(expected, check.Result.Value);
        Assert.Contains("src=\"/print.js\"", page, StringComparison.Ordinal);

        string qr = await GetHtmlAsync(keeper, "/keeper/bulletin/qr");
        Assert.Matches(new Regex("<svg class=\"qr\"[^>]*role=\"img\""), qr);
        Assert.DoesNotContain("style=", qr, StringComparison.Ordinal);
        string carried = System.Net.WebUtility.HtmlDecode(Regex.Match(qr, "<pre class=\"bulletin-small\" id=\"qr-text\">([^<]*)</pre>").Groups[1].Value);
        Assert.Equal(expected, BulletinText.Check(carried).Result.Value);
        Assert.Equal(carried, QrDecoder.Decode(qr));
    }
}
