using System.Net;
using Xunit;
using Yalu.Market.Credit;
using Yalu.Market.Trading;

namespace Yalu.Web.Tests.Pages;

public abstract partial class PageContract
{
    [Fact]
    public async Task A_trader_records_an_iou_the_debtor_accepts_it_and_both_see_what_the_keepers_set_off_cancelled()
    {
        using var kim = await LoggedInAsync("kim-hana", "en");
        using var lee = await LoggedInAsync("lee-sun", "ko");
        using var keeper = await LoggedInAsync("keeper-k", "en", keeper: true);

        string form = await GetHtmlAsync(kim, "/credit/iou");
        var proposed = await PostFormAsync(kim, "/credit/iou", form, ("Debtor", "lee-sun"), ("Amount", "4.50"), ("Memo", "two bags of pine nuts"));
        await AssertRedirectAsync(proposed, "/credit?done=proposed");
        var iou = Assert.Single(await Store.ListIousAsync(null, null, Ct));
        Assert.Equal(IouState.Proposed, iou.State);

        string leePage = await GetHtmlAsync(lee, "/credit");
        Assert.Contains("kim-hana", leePage, StringComparison.Ordinal);
        Assert.Contains("two bags of pine nuts", leePage, StringComparison.Ordinal);
        Assert.Matches($"(?i)action=\"/credit\\?[^\"]*id={iou.Id}", leePage);
        Assert.Matches("(?i)action=\"/credit\\?[^\"]*handler=accept", leePage);
        await AssertRedirectAsync(await PostFormAsync(lee, $"/credit?handler=Accept&id={iou.Id}", leePage), "/credit?done=accepted");
        Assert.Equal(IouState.Accepted, (await Store.GetIouAsync(iou.Id, Ct))!.State);
        Assert.Contains("받아들였고", await GetHtmlAsync(lee, "/credit?done=accepted"), StringComparison.Ordinal);

        // kim owes lee as much the other way; the keeper's set-off cancels both.
        var kimId = (await Store.FindTraderAsync(Handle.Parse("kim-hana"), Ct))!.Id;
        var leeId = (await Store.FindTraderAsync(Handle.Parse("lee-sun"), Ct))!.Id;
        var back = (await Store.AddIouAsync(Iou.Propose(leeId, kimId, Money.Parse("4.50"), null, Clock).Value, leeId, Ct)).Value.Accept(kimId).Value;
        Assert.True((await Store.UpdateIouAsync(back, back.AcceptanceEntry(), kimId, Ct)).IsOk);
        string keeperPage = await GetHtmlAsync(keeper, "/keeper/credit");
        var ran = await PostFormAsync(keeper, "/keeper/credit?handler=Setoff", keeperPage);
        await AssertRedirectAsync(ran, "/keeper/credit?run=");
        Assert.Contains("Set-off posted", await GetHtmlAsync(keeper, ran.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.All(await Store.ListIousAsync(null, null, Ct), i => Assert.Equal(IouState.Settled, i.State));
        Assert.Equal(Money.Zero, (await Store.GetBalancesAsync(Ct)).Of(kimId));

        string kimPage = await GetHtmlAsync(kim, "/credit");
        Assert.Contains("of what lee-sun owed you was cancelled", kimPage, StringComparison.Ordinal);
        Assert.Contains("of what you owed lee-sun was cancelled", kimPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_iou_form_shows_every_error_beside_its_field_in_the_traders_language_and_records_nothing()
    {
        using var lee = await LoggedInAsync("lee-sun", "ko");
        string form = await GetHtmlAsync(lee, "/credit/iou");
        var response = await lee.PostAsync("/credit/iou", new FormUrlEncodedContent(
            [new("Debtor", ""), new("Amount", "열"), new("Memo", new string('m', 201)), new("__af", Token(form))]), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Matches("id=\"Debtor-error\"[^>]*>이 칸을 채우십시오", html);
        Assert.Matches("id=\"Amount-error\"[^>]*>12.50 처럼", html);
        Assert.Matches("id=\"Memo-error\"[^>]*>메모는 200자까지", html);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Empty(await Store.ListIousAsync(null, null, Ct));
    }

    [Fact]
    public async Task The_keeper_sets_a_limit_with_errors_beside_each_field_and_starts_a_credit_round_from_the_checkbox()
    {
        using var keeper = await LoggedInAsync("keeper-k", "en", keeper: true);
        await LoggedInAsync("kim-hana", "en");
        string page = await GetHtmlAsync(keeper, "/keeper/credit");
        Assert.Contains("Sum of all balances", page, StringComparison.Ordinal);
        var bad = await PostFormAsync(keeper, "/keeper/credit?handler=Limit", page, ("Handle", "nobody-here"), ("Limit", "-3"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        string html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Matches("id=\"Handle-error\"[^>]*>There is no trader with this handle", html);
        Assert.Matches("id=\"Limit-error\"[^>]*>A credit limit is not negative", html);

        await AssertRedirectAsync(await PostFormAsync(keeper, "/keeper/credit?handler=Limit", page, ("Handle", "kim-hana"), ("Limit", "25.00")), "/keeper/credit?limit=kim-hana");
        Assert.Equal(Money.Parse("25.00"), (await Store.FindTraderAsync(Handle.Parse("kim-hana"), Ct))!.CreditLimit);

        string roundForm = await GetHtmlAsync(keeper, "/keeper/rounds/new");
        Assert.Contains("name=\"Credit\"", roundForm, StringComparison.Ordinal);
        var started = await PostFormAsync(keeper, "/keeper/rounds/new", roundForm, ("CycleCap", "3"), ("ChainCap", "0"), ("TimeLimit", "5"), ("Objective", "count"), ("Credit", "true"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var round = Assert.Single(await Store.ListRoundsAsync(10, Ct));
        Assert.True(round.Parameters.Credit);
    }

    [Fact]
    public async Task The_credit_pages_need_a_session_and_show_nobody_else_s_ious()
    {
        using var visitor = Browser();
        foreach (string path in new[] { "/credit", "/credit/iou" })
            await AssertRedirectAsync(await visitor.GetAsync(path, Ct), "/login?returnUrl=" + Uri.EscapeDataString(path));
        using var kim = await LoggedInAsync("kim-hana", "en");
        using var park = await LoggedInAsync("park-jin", "en");
        await LoggedInAsync("lee-sun", "en");
        string form = await GetHtmlAsync(kim, "/credit/iou");
        await AssertRedirectAsync(await PostFormAsync(kim, "/credit/iou", form, ("Debtor", "lee-sun"), ("Amount", "2"), ("Memo", "only for lee")), "/credit?done=proposed");
        var iou = Assert.Single(await Store.ListIousAsync(null, null, Ct));
        string parkPage = await GetHtmlAsync(park, "/credit");
        Assert.DoesNotContain("only for lee", parkPage, StringComparison.Ordinal);
        // Accepting someone else's IOU is refused on the page, with the reason, and changes nothing.
        var refused = await PostFormAsync(park, $"/credit?handler=Accept&id={iou.Id}", parkPage);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("There is no such IOU of yours.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(IouState.Proposed, (await Store.GetIouAsync(iou.Id, Ct))!.State);
    }

    [Fact]
    public async Task Every_credit_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var keeper = await LoggedInAsync("keeper-k", "en", keeper: true);
        foreach (string path in new[] { "/credit/iou", "/credit?handler=Accept&id=x", "/credit?handler=Decline&id=x", "/keeper/credit?handler=Limit", "/keeper/credit?handler=Setoff" })
        {
            var response = await keeper.PostAsync(path, new FormUrlEncodedContent([new("Debtor", "keeper-k"), new("Amount", "3"), new("Handle", "keeper-k"), new("Limit", "9")]), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }
        Assert.Empty(await Store.ListIousAsync(null, null, Ct));
        Assert.Empty(await Store.ListSetoffRunsAsync(10, Ct));
        Assert.Equal(Money.Zero, (await Store.FindTraderAsync(Handle.Parse("keeper-k"), Ct))!.CreditLimit);
    }
}
