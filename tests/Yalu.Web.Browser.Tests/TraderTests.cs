using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using Yalu.Web.Browser.Tests.Infrastructure;

namespace Yalu.Web.Browser.Tests;

/// <summary>The trader's pages in chromium: register, post a lot, want list, the slip in Korean, a keypad-only post.</summary>
[Collection(BrowserGroup.Name)]
public sealed partial class TraderTests(BrowserMarket market)
{
    [Fact]
    public async Task A_trader_registers_posts_a_lot_in_three_steps_and_builds_a_want_list()
    {
        await using var context = await market.NewContextAsync(240, 320);
        await Language.UseAsync(context, "en");
        var page = await context.NewPageAsync();
        string handle = market.NewHandle("new-trader");

        await page.GotoAsync("/register");
        await page.FillAsync("#Handle", handle);
        await page.FillAsync("#PassPhrase", "black pine 17 river");
        await page.Locator("input[name=Side][value=changbai]").CheckAsync();
        await Keypad.NavigateAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        Assert.EndsWith("/login?registered=true", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#Handle", handle);
        await page.FillAsync("#PassPhrase", "black pine 17 river");
        await Keypad.NavigateAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
        Assert.Contains(handle, await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        // Three steps: a kind of goods, a good, then quantity, value and note.
        await Keypad.NavigateAsync(page, () => page.Locator("nav a[href='/lots/new']").ClickAsync());
        await Keypad.NavigateAsync(page, () => page.Locator("main .choices a", new PageLocatorOptions { HasText = "Seafood" }).ClickAsync());
        await Keypad.NavigateAsync(page, () => page.Locator("main .choices a", new PageLocatorOptions { HasText = "dried pollack" }).ClickAsync());
        await page.FillAsync("#Quantity", "3");
        await page.FillAsync("#Value", "30");
        await page.FillAsync("#Note", "dried this autumn");
        await Keypad.NavigateAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        Assert.Matches(WantsPage(), page.Url);
        string lot = WantsPage().Match(page.Url).Groups[1].Value;
        Assert.Contains("Your lot is on the market", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        // The want list: an open lot found by kind, then a rule, then the rule moved to the top.
        await page.SelectOptionAsync("#kind", "grain");
        await Keypad.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find", Exact = true }).ClickAsync());
        await Keypad.NavigateAsync(page, () => page.Locator("main ul.cards li button[type=submit]").First.ClickAsync());
        Assert.Contains("saved=true", page.Url, StringComparison.Ordinal);
        await page.SelectOptionAsync("#RuleGood", "H08");
        await Keypad.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add: any lot of this good" }).ClickAsync());
        await Keypad.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Move up 2" }).ClickAsync());
        var entries = page.Locator("main ol.cards > li");
        Assert.Equal(2, await entries.CountAsync());
        Assert.Contains("pine nuts", await entries.First.InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, "trader-want-list");

        var stored = await context.APIRequest.GetAsync($"/api/lots/{lot}/wants");
        var list = JsonDocument.Parse(await stored.TextAsync()).RootElement.GetProperty("entries");
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal("H08", list[0].GetProperty("good").GetString());
    }

    [Fact]
    public async Task A_trader_reads_their_slip_in_Korean()
    {
        var day = await market.MarketDayAsync();
        await using var keeper = await KeeperFlow.KeeperContextAsync(market);
        var result = JsonDocument.Parse(await (await keeper.APIRequest.GetAsync($"/api/rounds/{day.RoundId}/result")).TextAsync()).RootElement;
        string code = result.GetProperty("loops").EnumerateArray().SelectMany(l => l.GetProperty("legs").EnumerateArray())
            .First(l => l.GetProperty("lot").GetProperty("id").GetString() == day.KoreanLot).GetProperty("code").GetString()!;

        await using var context = await market.NewContextAsync(240, 320, "ko-KR");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#Handle", day.Korean);
        await page.FillAsync("#PassPhrase", day.PassPhrase);
        await Keypad.NavigateAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        await Keypad.NavigateAsync(page, () => page.Locator("nav a[href='/slip']").ClickAsync());
        Assert.EndsWith("/slip", page.Url, StringComparison.Ordinal);

        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("내 교환표", (await page.Locator("h1").InnerTextAsync()).Trim());
        string slip = await page.Locator("section.slip").InnerTextAsync();
        Assert.Contains(code, slip, StringComparison.Ordinal);
        Assert.Contains(day.English, slip, StringComparison.Ordinal);
        Assert.Contains("교환 번호", slip, StringComparison.Ordinal);
        Assert.Contains("마른명태", slip, StringComparison.Ordinal);
        Assert.DoesNotContain("北", slip, StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, "trader-slip-ko");
    }

    [Fact]
    public async Task A_lot_is_posted_with_the_keypad_alone()
    {
        var (handle, phrase) = await market.RegisterByApiAsync("keypad", "en");
        await using var context = await market.NewContextAsync(240, 320);
        await BrowserMarket.LogInByApiAsync(context, handle, phrase);
        await Language.UseAsync(context, "en");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        int presses = await Keypad.ActivateAsync(page, "Offer goods");
        Assert.EndsWith("/lots/new", page.Url, StringComparison.Ordinal);
        presses += await Keypad.ActivateAsync(page, "Seafood");
        presses += await Keypad.ActivateAsync(page, "dried pollack");
        // Step 3 opens with the quantity focused.
        Assert.Equal("Quantity", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("2");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("20");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("by keypad");
        presses += 5 + await Keypad.ActivateAsync(page, "Offer it");

        Assert.Matches(WantsPage(), page.Url);
        Assert.Contains("Your lot is on the market", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        var mine = JsonDocument.Parse(await (await context.APIRequest.GetAsync("/api/lots/mine")).TextAsync()).RootElement;
        var posted = Assert.Single(mine.EnumerateArray());
        Assert.Equal("S01", posted.GetProperty("good").GetString());
        Assert.Equal("by keypad", posted.GetProperty("note").GetString());
        TestContext.Current.TestOutputHelper?.WriteLine($"posting a lot took {presses} key presses");
    }

    [GeneratedRegex(@"/lots/([0-9A-Za-z_-]+)/wants(?:\?.*)?$")]
    private static partial Regex WantsPage();
}
