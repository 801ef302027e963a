using Xunit;
using Yalu.Web.Browser.Tests.Infrastructure;

namespace Yalu.Web.Browser.Tests;

/// <summary>
/// Every page, as its reader sees it on first load: under 60 KB over the wire, no serious or
/// critical axe-core violation at 240×320 or 1280×800, every string translated, and screenshots
/// at both sizes. The results go to TestResults/axe.md and TestResults/page-weights.md.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class PageTourTests(BrowserMarket market)
{
    /// <summary>Each page: its name, its path ({lot} and {round} filled in), who looks at it.</summary>
    public static TheoryData<string, string, string> Pages() => new()
    {
        { "home", "/", "anyone" },
        { "register", "/register", "anyone" },
        { "login", "/login", "anyone" },
        { "prices", "/prices", "anyone" },
        { "home-trader", "/", "trader" },
        { "lots", "/lots", "trader" },
        { "lot-new", "/lots/new", "trader" },
        { "lot-wants", "/lots/{lot}/wants", "trader" },
        { "slip", "/slip", "partner" },
        { "history", "/history", "partner" },
        { "credit", "/credit", "partner" },
        { "credit-iou", "/credit/iou", "trader" },
        { "keeper", "/keeper", "keeper" },
        { "keeper-round-new", "/keeper/rounds/new", "keeper" },
        { "keeper-round", "/keeper/rounds/{round}", "keeper" },
        { "keeper-slips", "/keeper/rounds/{round}/slips", "keeper" },
        { "keeper-rates", "/keeper/rates", "keeper" },
        { "keeper-prices", "/keeper/prices", "keeper" },
        { "keeper-credit", "/keeper/credit", "keeper" },
        { "keeper-bulletin", "/keeper/bulletin", "keeper" },
        { "keeper-bulletin-qr", "/keeper/bulletin/qr", "keeper" },
        { "keeper-bulletin-receive", "/keeper/bulletin/receive", "keeper" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_is_light_accessible_translated_and_photographed(string name, string path, string who)
    {
        var day = await market.MarketDayAsync();
        var tourist = await market.TouristAsync();
        await using var context = await market.NewContextAsync();
        switch (who)
        {
            case "trader":
                await BrowserMarket.LogInByApiAsync(context, tourist.Handle, tourist.PassPhrase);
                break;
            case "partner":
                await BrowserMarket.LogInByApiAsync(context, day.English, day.PassPhrase);
                break;
            case "keeper":
                await BrowserMarket.LogInByApiAsync(context, market.Seed.KeeperHandle, market.Seed.KeeperPassPhrase);
                break;
        }
        await Language.UseAsync(context, "en");
        await PageChecks.CheckAsync(market, context, name, path.Replace("{lot}", tourist.Lot, StringComparison.Ordinal).Replace("{round}", day.RoundId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_keeper_pages_read_in_Korean_and_Chinese_too()
    {
        var day = await market.MarketDayAsync();
        foreach (string language in new[] { "ko", "zh" })
        {
            await using var context = await KeeperFlow.KeeperContextAsync(market);
            await Language.UseAsync(context, language);
            foreach (string path in new[] { "/keeper", "/keeper/rounds/new", $"/keeper/rounds/{day.RoundId}", "/keeper/rates", "/keeper/prices", "/keeper/credit", "/keeper/bulletin", "/keeper/bulletin/qr", "/keeper/bulletin/receive" })
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                Assert.Equal(language == "ko" ? "ko" : "zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
                string text = await page.Locator("main").InnerTextAsync();
                Assert.DoesNotContain("[[", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Keeper.", text, StringComparison.Ordinal);
                if (path == "/keeper") await PageChecks.ScreenshotAsync(page, $"keeper-{language}");
                await page.CloseAsync();
            }
        }
    }
}
