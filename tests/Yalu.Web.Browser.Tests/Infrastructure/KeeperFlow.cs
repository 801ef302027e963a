using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>Steps of the keeper's pages that several tests take.</summary>
public static partial class KeeperFlow
{
    /// <summary>A browser context logged in as the demo keeper, in English.</summary>
    public static async Task<IBrowserContext> KeeperContextAsync(BrowserMarket market, int width = 1280, int height = 800)
    {
        ArgumentNullException.ThrowIfNull(market);
        var context = await market.NewContextAsync(width, height);
        await BrowserMarket.LogInByApiAsync(context, market.Seed.KeeperHandle, market.Seed.KeeperPassPhrase);
        await Language.UseAsync(context, "en");
        return context;
    }

    /// <summary>
    /// Two traders whose lots want each other (through the API), then a round started on
    /// /keeper/rounds/new and watched on its page until the loops show.
    /// </summary>
    public static async Task<MarketDay> RunMarketDayAsync(BrowserMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var (korean, phrase) = await market.RegisterByApiAsync("hana", "ko", "hyesan");
        var (english, _) = await market.RegisterByApiAsync("wei", "en", "changbai");
        await using var koreanApi = await market.NewContextAsync();
        await using var englishApi = await market.NewContextAsync();
        await BrowserMarket.LogInByApiAsync(koreanApi, korean, phrase);
        await BrowserMarket.LogInByApiAsync(englishApi, english, phrase);
        string koreanLot = (await BrowserMarket.PostApiAsync(koreanApi, "/api/lots", new { good = "S01", quantity = 3, value = "30.00", note = "dried this autumn" })).GetProperty("id").GetString()!;
        string englishLot = (await BrowserMarket.PostApiAsync(englishApi, "/api/lots", new { good = "G01", quantity = 5, value = "32.00" })).GetProperty("id").GetString()!;
        await BrowserMarket.PostApiAsync(koreanApi, $"/api/lots/{koreanLot}/wants", new { entries = new[] { new { lot = englishLot } } }, "PUT");
        await BrowserMarket.PostApiAsync(englishApi, $"/api/lots/{englishLot}/wants", new { entries = new[] { new { lot = koreanLot } } }, "PUT");

        await using var keeper = await KeeperContextAsync(market);
        var page = await keeper.NewPageAsync();
        string roundId = await StartRoundAsync(page, cycleCap: 3, timeLimitSeconds: 20);
        return new MarketDay(korean, english, phrase, koreanLot, englishLot, roundId);
    }

    /// <summary>From /keeper, through "Start a round", to the round's page; waits until its result shows and returns its id.</summary>
    public static async Task<string> StartRoundAsync(IPage page, int cycleCap, int timeLimitSeconds)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/keeper");
        await page.Locator("a[href='/keeper/rounds/new']").First.ClickAsync();
        await page.WaitForURLAsync("**/keeper/rounds/new");
        await page.FillAsync("#CycleCap", cycleCap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#ChainCap", "0");
        await page.FillAsync("#TimeLimit", timeLimitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#start-round");
        await page.WaitForURLAsync(RoundUrl());
        string id = RoundUrl().Match(page.Url).Groups[1].Value;
        // The page polls the API and reloads itself when the round is cleared.
        await page.Locator("#round-result").WaitForAsync(new LocatorWaitForOptions { Timeout = (timeLimitSeconds + 60) * 1000 });
        return id;
    }

    /// <summary>The round page's address.</summary>
    [GeneratedRegex(@"/keeper/rounds/([0-9A-Za-z_-]+)(?:[?#].*)?$")]
    public static partial Regex RoundUrl();

    /// <summary>The row of the leg with handover <paramref name="code"/> on a round page.</summary>
    public static ILocator LegRow(IPage page, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator($"[data-code='{code}']");
    }

    /// <summary>Asserts the round page shows no untranslated resource key.</summary>
    public static async Task AssertNoResourceKeysAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        string text = await page.Locator("body").InnerTextAsync();
        var keys = ResourceKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(keys.Count == 0, $"{page.Url} shows untranslated keys: {string.Join(", ", keys)}");
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+_[A-Za-z_]+\b")]
    private static partial Regex ResourceKey();
}
