using System.Globalization;
using Microsoft.Playwright;
using Xunit;
using Yalu.Web.Browser.Tests.Infrastructure;

namespace Yalu.Web.Browser.Tests;

/// <summary>The keeper's pages in chromium: a round on the demo market, handovers and no-shows, printed slips, the rate.</summary>
[Collection(BrowserGroup.Name)]
public sealed class KeeperTests(BrowserMarket market)
{
    [Fact]
    public async Task A_keeper_runs_a_round_on_the_demo_market_and_sees_its_loops_drawn()
    {
        var day = await market.MarketDayAsync();
        await using var context = await KeeperFlow.KeeperContextAsync(market);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/keeper/rounds/{day.RoundId}");

        Assert.True(await page.Locator("section.exchange").CountAsync() >= 2, "the demo market and the two traders clear into several loops");
        Assert.Equal(await page.Locator("section.exchange").CountAsync(), await page.Locator("section.exchange svg[role=img]").CountAsync());
        // The two traders who want each other's lots share a loop: one exchange holds both their lots.
        var theirs = page.Locator("section.exchange", new PageLocatorOptions { Has = page.Locator($"[data-lot='{day.KoreanLot}']") });
        Assert.Equal(1, await theirs.Locator($"[data-lot='{day.EnglishLot}']").CountAsync());
        Assert.Contains(day.Korean, await theirs.Locator("svg title").TextContentAsync(), StringComparison.Ordinal);
        await KeeperFlow.AssertNoResourceKeysAsync(page);
        await page.Locator("#round-result").EvaluateAsync("e => e.scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageChecks.ScreenshotDirectory, "keeper-round-view-1280x800.png") });

        await page.GotoAsync("/keeper");
        Assert.Contains(day.RoundId, await page.Locator("body").InnerHTMLAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_keeper_confirms_a_handover_and_marks_a_no_show_which_calls_off_the_rest_of_that_loop()
    {
        var day = await market.MarketDayAsync();
        await using var context = await KeeperFlow.KeeperContextAsync(market);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/keeper/rounds/{day.RoundId}");

        // Confirm the Korean trader's lot: the leg that hands it over.
        var given = page.Locator($"[data-lot='{day.KoreanLot}']");
        string code = (await given.GetAttributeAsync("data-code"))!;
        await given.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Handed over: code {code}" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("confirmed="));
        Assert.Contains(code, await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("confirmed", await KeeperFlow.LegRow(page, code).GetAttributeAsync("data-state"));
        Assert.Equal(0, await KeeperFlow.LegRow(page, code).Locator("button").CountAsync());

        // A no-show in another loop: its leg fails, the rest of its loop is called off.
        var other = page.Locator("section.exchange", new PageLocatorOptions { HasNot = page.Locator($"[data-lot='{day.KoreanLot}']") }).First;
        var firstLeg = other.Locator("[data-code]").First;
        string noShow = (await firstLeg.GetAttributeAsync("data-code"))!;
        int legsInLoop = await other.Locator("[data-code]").CountAsync();
        await firstLeg.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"No-show: code {noShow}" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("failed="));
        Assert.Equal("failed", await KeeperFlow.LegRow(page, noShow).GetAttributeAsync("data-state"));
        var loop = page.Locator("section.exchange", new PageLocatorOptions { Has = KeeperFlow.LegRow(page, noShow) });
        Assert.Equal(legsInLoop - 1, await loop.Locator("[data-state=released]").CountAsync());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{legsInLoop} lots are open again"), await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, "keeper-round-after-handovers");

        // A second try on a settled leg is refused in words, not with an error page.
        var again = await context.APIRequest.PostAsync($"/api/legs/{await KeeperFlow.LegRow(page, code).GetAttributeAsync("data-leg")}/confirm",
            new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() } });
        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task The_slips_print_one_per_trader_with_cut_lines_big_type_and_no_page_furniture()
    {
        var day = await market.MarketDayAsync();
        await using var context = await KeeperFlow.KeeperContextAsync(market);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/keeper/rounds/{day.RoundId}");
        await page.Locator($"a[href='/keeper/rounds/{day.RoundId}/slips']").ClickAsync();
        await page.WaitForURLAsync($"**/keeper/rounds/{day.RoundId}/slips");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var slips = page.Locator("section.slip");
        Assert.True(await slips.CountAsync() >= 4);
        var korean = page.Locator($".printed-slip[data-trader='{day.Korean}']");
        Assert.Equal("ko", await korean.GetAttributeAsync("lang"));
        Assert.Contains("교환 번호", await korean.InnerTextAsync(), StringComparison.Ordinal);
        var english = page.Locator($".printed-slip[data-trader='{day.English}']");
        Assert.Equal("en", await english.GetAttributeAsync("lang"));
        Assert.Contains("Handover code", await english.InnerTextAsync(), StringComparison.Ordinal);

        var printed = await slips.First.EvaluateAsync<string[]>("""
            e => { const s = getComputedStyle(e); return [s.breakInside, s.borderTopStyle, s.fontSize]; }
            """);
        Assert.Equal("avoid", printed[0]);
        Assert.Equal("dashed", printed[1]);
        Assert.True(double.Parse(printed[2].Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 18, $"slip type is {printed[2]}");
        foreach (string furniture in new[] { "header", "nav", "footer", ".no-print", "form", "button" })
        {
            foreach (var element in await page.Locator(furniture).AllAsync())
                Assert.False(await element.IsVisibleAsync(), $"{furniture} is printed");
        }
        Directory.CreateDirectory(BrowserMarket.OutputDirectory);
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserMarket.OutputDirectory, "slips.pdf"), Format = "A4" });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageChecks.ScreenshotDirectory, "keeper-slips-print-view.png") });
    }

    [Fact]
    public async Task The_keeper_records_todays_rate_and_a_bad_one_is_refused_next_to_its_field()
    {
        await using var context = await KeeperFlow.KeeperContextAsync(market, 240, 320);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/keeper/rates");
        await page.FillAsync("#Rate", "twelve");
        await page.ClickAsync("#record-rate");
        Assert.Equal("twelve", await page.InputValueAsync("#Rate"));
        Assert.Contains("positive number", await page.Locator("#Rate-error").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#Rate", "1250.5");
        await page.ClickAsync("#record-rate");
        await page.WaitForURLAsync("**/keeper/rates?recorded=*");
        Assert.Contains("1,250.5", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1,250.5", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_price_board_charts_a_good_once_its_handover_is_confirmed()
    {
        var day = await market.MarketDayAsync();
        await using var context = await KeeperFlow.KeeperContextAsync(market);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/keeper/rounds/{day.RoundId}");
        // The English trader's rice: the loop the no-show test leaves alone.
        var rice = page.Locator($"[data-lot='{day.EnglishLot}']");
        if (await rice.GetAttributeAsync("data-state") == "pending")
        {
            string code = (await rice.GetAttributeAsync("data-code"))!;
            await Keypad.NavigateAsync(page, () => rice.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Handed over: code {code}" }).ClickAsync());
        }

        await page.GotoAsync("/keeper/prices");
        var good = page.Locator("section#good-G01");
        Assert.Contains("6.40", await good.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await good.Locator("svg.price-chart[role=img] circle").CountAsync());
        Assert.Contains("rice", await good.Locator("svg title").TextContentAsync(), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, "keeper-prices-charted");
    }

    [Fact]
    public async Task The_keeper_reaches_the_round_form_by_keypad_and_a_wrong_cap_is_shown_beside_its_field_in_Korean()
    {
        await using var context = await KeeperFlow.KeeperContextAsync(market, 240, 320);
        await Language.UseAsync(context, "ko");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/keeper");

        await Keypad.ActivateAsync(page, "거래 차례 시작");
        Assert.EndsWith("/keeper/rounds/new", page.Url, StringComparison.Ordinal);
        await Keypad.TabToAsync(page, "가장 큰 고리");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("9");
        await Keypad.ActivateAsync(page, "차례 시작");

        Assert.Equal("9", await page.InputValueAsync("#CycleCap"));
        Assert.Equal("true", await page.GetAttributeAsync("#CycleCap", "aria-invalid"));
        Assert.Contains("2에서 6 사이", await page.Locator("#CycleCap-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("CycleCap-error", await page.GetAttributeAsync("#CycleCap", "aria-describedby") ?? "", StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, "keeper-round-new-error-ko");
    }
}
