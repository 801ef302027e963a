using System.Net;
using System.Text.RegularExpressions;
using Xunit;
using Yalu.Market.Trading;
using Yalu.Web.Rounds;

namespace Yalu.Web.Tests.Pages;

public abstract partial class PageContract
{
    [Fact]
    public async Task A_trader_posts_a_lot_in_three_steps_and_lands_on_its_want_list()
    {
        using var browser = await LoggedInAsync("kim-hana", "en");
        string step1 = await GetHtmlAsync(browser, "/lots/new");
        Assert.Contains("href=\"/lots/new?category=seafood\"", step1, StringComparison.Ordinal);
        Assert.Contains("accesskey=\"1\"", step1, StringComparison.Ordinal);
        string step2 = await GetHtmlAsync(browser, "/lots/new?category=seafood");
        Assert.Contains("href=\"/lots/new?good=S01\"", step2, StringComparison.Ordinal);
        Assert.Contains("dried pollack", step2, StringComparison.Ordinal);
        string step3 = await GetHtmlAsync(browser, "/lots/new?good=S01");
        var posted = await PostFormAsync(browser, "/lots/new", step3, ("GoodCode", "S01"), ("Quantity", "3"), ("Value", "30.00"), ("Note", "dried this autumn"));
        await AssertRedirectAsync(posted, "/lots/");
        Assert.EndsWith("/wants?posted=true", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var lot = Assert.Single(await Store.ListLotsAsync(LotState.Open, Ct));
        Assert.Equal("S01", lot.Good.Value);
        Assert.Equal(3m, lot.Quantity.Amount);
        Assert.Equal(Money.Parse("30.00"), lot.Value);
        Assert.Equal("dried this autumn", lot.Note);
        Assert.Contains("Now say what you would take", await GetHtmlAsync(browser, posted.Headers.Location.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_errors_shows_them_beside_each_field_in_the_traders_language_and_keeps_what_was_typed()
    {
        using var browser = await LoggedInAsync("kim-hana", "ko");
        string step3 = await GetHtmlAsync(browser, "/lots/new?good=S01");
        string note = new('x', 501);
        string html = await HtmlAsync(await PostFormAsync(browser, "/lots/new", step3, ("GoodCode", "S01"), ("Quantity", "열"), ("Value", "-3"), ("Note", note)));
        Assert.Matches("id=\"Quantity-error\"[^>]*>0보다 큰 수량을", html);
        Assert.Matches("id=\"Value-error\"[^>]*>12.50 처럼", html);
        Assert.Matches("id=\"Note-error\"[^>]*>메모는 500자까지입니다.", html);
        Assert.Contains("value=\"열\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-3\"", html, StringComparison.Ordinal);
        Assert.Contains(note + "</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Empty(await Store.ListLotsAsync(null, Ct));

        using var visitor = Browser();
        string form = await GetHtmlAsync(visitor, "/register?lang=zh");
        string refused = await HtmlAsync(await PostFormAsync(visitor, "/register", form, ("Handle", "k"), ("PassPhrase", "short"), ("Side", "changbai")));
        Assert.Matches("id=\"Handle-error\"[^>]*>用户名为 2 到 32 个", refused);
        Assert.Matches("id=\"PassPhrase-error\"[^>]*>口令为 10 到 256 个字符。", refused);
        Assert.Contains("value=\"k\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", refused, StringComparison.Ordinal);
        Assert.Matches("value=\"changbai\" checked", refused);

        using var again = Browser();
        await RegisterThroughPagesAsync(again, "kim-hana2");
        string taken = await GetHtmlAsync(again, "/register");
        Assert.Contains("This handle is taken", await HtmlAsync(await PostFormAsync(again, "/register", taken, ("Handle", "KIM-HANA2"), ("PassPhrase", Phrase))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_want_list_editor_searches_adds_reorders_removes_and_adds_rules()
    {
        using var browser = await LoggedInAsync("kim-hana", "en");
        var market = await MarketAsync("kim-hana");
        var lotId = LotOf(market.MyLot);
        string path = $"/lots/{market.MyLot}/wants";
        async Task<List<WantEntry>> EntriesAsync() => [.. (await Store.GetWantListAsync(lotId, Ct))!.Entries];
        var before = await EntriesAsync();
        Assert.Equal(WantKind.Lot, before[0].Kind);

        string page = await GetHtmlAsync(browser, path);
        Assert.Contains("Any lot of", page, StringComparison.Ordinal);
        Assert.Contains("worth at least 80 % of mine", page, StringComparison.Ordinal);

        // Down, then up again; then remove the first.
        await AssertRedirectAsync(await PostFormAsync(browser, $"{path}?handler=move&i=0&up=false", page), path + "?saved=true");
        Assert.Equal(before[0], (await EntriesAsync())[1]);
        page = await GetHtmlAsync(browser, path);
        await AssertRedirectAsync(await PostFormAsync(browser, $"{path}?handler=move&i=1&up=true", page), path);
        Assert.Equal(before, await EntriesAsync());
        await AssertRedirectAsync(await PostFormAsync(browser, $"{path}?handler=remove&i=0", page), path);
        Assert.Equal(before.Skip(1), await EntriesAsync());

        // Search by words, in any language: 잣 is the pine nuts' Korean name; nothing matches "kayagum".
        Assert.Contains("from li-wei", await GetHtmlAsync(browser, path + "?q=%EC%9E%A3"), StringComparison.Ordinal);
        Assert.DoesNotContain("from li-wei", await GetHtmlAsync(browser, path + "?q=kayagum"), StringComparison.Ordinal);

        // Search the forest lots: the other trader's pine nuts are offered again; add them.
        string search = await GetHtmlAsync(browser, path + "?kind=forest");
        Assert.Contains("from li-wei", search, StringComparison.Ordinal);
        Assert.Contains($"/wants?lot={market.TheirLot}&amp;kind=forest&amp;handler=AddLot", search, StringComparison.Ordinal);
        await AssertRedirectAsync(await PostFormAsync(browser, $"{path}?handler=addlot&lot={market.TheirLot}&kind=forest", search), path + "?saved=true&kind=forest");
        Assert.Equal(WantEntry.ForLot(LotOf(market.TheirLot)), (await EntriesAsync())[^1]);

        // Rules: a good rule, a duplicate (refused, translated), a category rule with a bad percentage (refused, kept).
        page = await GetHtmlAsync(browser, path);
        await AssertRedirectAsync(await PostFormAsync(browser, $"{path}?handler=addgood", page, ("RuleGood", "K05")), path);
        Assert.Equal(WantEntry.ForGood(Yalu.Market.Catalog.GoodId.Parse("K05")), (await EntriesAsync())[^1]);
        string duplicate = await HtmlAsync(await PostFormAsync(browser, $"{path}?handler=addgood", page, ("RuleGood", "K05")));
        Assert.Matches("id=\"RuleGood-error\"[^>]*>This is already on your list.", duplicate);
        string percent = await HtmlAsync(await PostFormAsync(browser, $"{path}?handler=addcategory", page, ("RuleCategory", "grain"), ("MinPercent", "5000")));
        Assert.Matches("id=\"MinPercent-error\"[^>]*>Write a percentage from 1 to 1000.", percent);
        Assert.Contains("value=\"5000\"", percent, StringComparison.Ordinal);
        await AssertRedirectAsync(await PostFormAsync(browser, $"{path}?handler=addcategory", page, ("RuleCategory", "grain"), ("MinPercent", "90")), path);
        Assert.Equal(WantEntry.ForCategory(Yalu.Market.Catalog.CategoryId.Grain, 90).Value, (await EntriesAsync())[^1]);
        Assert.Equal(5, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task A_trader_cannot_open_or_change_another_traders_want_list()
    {
        using var browser = await LoggedInAsync("kim-hana", "en");
        var market = await MarketAsync("kim-hana");
        var theirs = await browser.GetAsync($"/lots/{market.TheirLot}/wants", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Contains("Not allowed", await theirs.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        string page = await GetHtmlAsync(browser, $"/lots/{market.MyLot}/wants");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(browser, $"/lots/{market.TheirLot}/wants?handler=addgood", page, ("RuleGood", "G01"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/lots/{Guid.NewGuid()}/wants", Ct)).StatusCode);
        Assert.Null(await Store.GetWantListAsync(LotOf(market.TheirLot), Ct));
    }

    [Fact]
    public async Task My_lots_lists_them_and_withdraws_an_open_one()
    {
        using var browser = await LoggedInAsync("kim-hana", "en");
        var market = await MarketAsync("kim-hana");
        string lots = await GetHtmlAsync(browser, "/lots");
        Assert.Contains("dried pollack", lots, StringComparison.Ordinal);
        Assert.Contains("What I would take (3)", lots, StringComparison.Ordinal);
        Assert.Contains("matched", lots, StringComparison.Ordinal);
        await AssertRedirectAsync(await PostFormAsync(browser, $"/lots?handler=withdraw&id={market.MyLot}", lots), "/lots?withdrawn=true");
        Assert.Equal(LotState.Withdrawn, (await Store.GetLotAsync(LotOf(market.MyLot), Ct))!.State);
        string after = await GetHtmlAsync(browser, "/lots?withdrawn=true");
        Assert.Contains("The lot was withdrawn.", after, StringComparison.Ordinal);
        string refused = await HtmlAsync(await PostFormAsync(browser, $"/lots?handler=withdraw&id={market.TheirLot}", after));
        Assert.Contains("This lot belongs to another trader.", refused, StringComparison.Ordinal);
        Assert.True((await Store.GetLotAsync(LotOf(market.TheirLot), Ct))!.IsOpen);
    }

    [Fact]
    public async Task The_slip_history_and_price_board_show_whom_to_meet_the_codes_and_the_prices()
    {
        using var browser = await LoggedInAsync("kim-hana", "zh");
        var market = await MarketAsync("kim-hana");
        string slip = await GetHtmlAsync(browser, "/slip");
        // li-wei is on the other bank: the handle carries its bank.
        Assert.Contains("见 li-wei@changbai（长白一侧）", slip, StringComparison.Ordinal);
        Assert.Contains(HandoverCode.Of(market.MyGive.Id), slip, StringComparison.Ordinal);
        Assert.Contains(HandoverCode.Of(market.MyReceive.Id), slip, StringComparison.Ordinal);
        Assert.Contains("交出", slip, StringComparison.Ordinal);
        Assert.Contains("大米", slip, StringComparison.Ordinal);
        Assert.Contains("饺子", slip, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/print.js\"", slip, StringComparison.Ordinal);

        string history = await GetHtmlAsync(browser, "/history");
        Assert.Contains("从 li-wei 收到", history, StringComparison.Ordinal);
        Assert.Contains("已完成", history, StringComparison.Ordinal);

        using var visitor = Browser();
        string prices = await GetHtmlAsync(visitor, "/prices?lang=en");
        Assert.Contains("mandu dumplings", prices, StringComparison.Ordinal);
        Assert.Contains("8.00 CNY", prices, StringComparison.Ordinal);     // 16.00 for 2 dozen
        Assert.Contains("≈ 39,360 KPW", prices, StringComparison.Ordinal); // at 4,920 KPW a yuan
        Assert.Matches(@"1 CNY = 4,920 KPW", prices);
        Assert.DoesNotMatch(Regex.Escape("[["), prices);
    }

    [Fact]
    public async Task A_trader_without_a_cleared_round_is_told_so()
    {
        using var browser = await LoggedInAsync("kim-hana", "en");
        Assert.Contains("No round has been cleared yet", await GetHtmlAsync(browser, "/slip"), StringComparison.Ordinal);
        Assert.Contains("No trades yet", await GetHtmlAsync(browser, "/history"), StringComparison.Ordinal);
        Assert.Contains("No confirmed swaps yet", await GetHtmlAsync(browser, "/prices"), StringComparison.Ordinal);
    }
}
