using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using Yalu.Formats.Bulletins;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Web.Browser.Tests.Infrastructure;

namespace Yalu.Web.Browser.Tests;

/// <summary>The keeper's price bulletin in chromium: printed in big type, drawn as a QR code, typed in from the other bank and imported.</summary>
[Collection(BrowserGroup.Name)]
public sealed partial class BulletinTests(BrowserMarket market)
{
    [Fact]
    public async Task The_bulletin_prints_in_big_type_without_page_furniture_and_shows_as_a_qr_code()
    {
        await market.MarketDayAsync();
        await using var context = await KeeperFlow.KeeperContextAsync(market);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/keeper/bulletin");
        string text = await page.Locator("pre.bulletin").InnerTextAsync();
        var check = BulletinText.Check(text);
        Assert.True(check.Intact, string.Join("; ", check.Result.Errors) + "\n" + text);
        Assert.True(await page.Locator("[data-print]").IsVisibleAsync(), "print.js shows the print button");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        string size = await page.Locator("pre.bulletin").EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Assert.True(double.Parse(size.Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 26, $"printed bulletin type is {size}");
        foreach (string furniture in new[] { "header", "nav", "footer", ".no-print", "button" })
        {
            foreach (var element in await page.Locator(furniture).AllAsync())
                Assert.False(await element.IsVisibleAsync(), $"{furniture} is printed");
        }
        Directory.CreateDirectory(BrowserMarket.OutputDirectory);
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserMarket.OutputDirectory, "bulletin.pdf"), Format = "A4" });

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GotoAsync("/keeper/bulletin/qr");
        var qr = page.Locator("svg.qr[role=img]");
        var box = await qr.BoundingBoxAsync();
        Assert.True(box is { Width: >= 200 }, $"the QR code is {box?.Width} px wide");
        Assert.Contains("QR code of the price bulletin", await qr.Locator("title").TextContentAsync(), StringComparison.Ordinal);
        // The code's modules are black on white, whatever the page's colours.
        Assert.Equal("rgb(0, 0, 0)", await qr.Locator("path.qr-dark").EvaluateAsync<string>("e => getComputedStyle(e).fill"));
        await PageChecks.ScreenshotAsync(page, "keeper-bulletin-qr");
    }

    [Fact]
    public async Task The_keeper_types_in_a_bulletin_sees_the_miscopied_line_marked_corrects_it_and_imports_it()
    {
        string intact = BulletinText.Write(new Bulletin(Side.Changbai, new DateOnly(2026, 12, 5), 1250m,
            [new BulletinLine(GoodId.Parse("H01"), Money.Parse("42.00"), 4), new BulletinLine(GoodId.Parse("V02"), Money.Parse("3.15"), 9)]));
        string miscopied = intact.Replace(" 3.15 9 ", " 3.51 9 ", StringComparison.Ordinal);
        await using var context = await KeeperFlow.KeeperContextAsync(market, 240, 320);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/keeper/bulletin/receive");

        await page.FillAsync("#Text", miscopied);
        await page.ClickAsync("#check-bulletin");
        await page.WaitForSelectorAsync("ol.bulletin-check");
        Assert.Equal(["3"], await page.Locator("ol.bulletin-check li[data-state=wrong]").EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.line)"));
        Assert.Contains("a figure on this line was miscopied", await page.Locator("li[data-line='3']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(miscopied, (await page.InputValueAsync("#Text")).ReplaceLineEndings("\n"));
        Assert.Equal(0, await page.Locator("#import-bulletin").CountAsync());
        Assert.Equal("alert", await page.Locator("#check-summary").GetAttributeAsync("role"));
        await PageChecks.ScreenshotAsync(page, "keeper-bulletin-wrong-line");

        await page.FillAsync("#Text", intact);
        await page.ClickAsync("#check-bulletin");
        await page.WaitForSelectorAsync("#import-bulletin");
        Assert.Equal(0, await page.Locator("li[data-state=wrong]").CountAsync());
        await page.ClickAsync("#import-bulletin");
        await page.WaitForURLAsync(ImportedUrl());
        Assert.Contains("Changbai bank", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/keeper/prices");
        Assert.Contains("Changbai bank", await page.Locator("#other-bank").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("42.00", await page.Locator(".other-bank[data-good=H01]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("3.15", await page.Locator(".other-bank[data-good=V02]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("status=(Imported|AlreadyImported|Replaced|OlderThanShown)")]
    private static partial Regex ImportedUrl();
}
