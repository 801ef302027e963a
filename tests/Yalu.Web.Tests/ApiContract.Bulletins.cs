using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Yalu.Formats.Bulletins;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Demo;
using Yalu.Web.Ui;

namespace Yalu.Web.Tests;

/// <summary>The price bulletin of a real market day, and the other bank's prices on <c>GET /api/prices</c>.</summary>
public abstract partial class ApiContract
{
    [Fact]
    public async Task The_demo_market_after_a_round_gives_ko_zh_and_en_bulletins_that_check_intact_and_name_the_goods_in_each_language()
    {
        Assert.NotNull(await DemoMarket.SeedIfFreshAsync(Store, YaluApiFactory.CheapHasher, Clock, withTraders: true, cancellationToken: Ct));
        await Store.AddRateAsync(new KpwRate(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), 4920m, "Hyesan"), null, Ct);
        var keeper = await TraderAsync("bulletin-keeper", keeper: true);
        var round = await RunRoundAsync(keeper, new { cycleCap = 3, chainCap = 0, objective = "count", timeLimitSeconds = 30 });
        var legs = AllLegs(await GetJsonAsync(keeper, $"/api/rounds/{round.GetProperty("id").GetString()}/result"));
        Assert.NotEmpty(legs);
        foreach (var leg in legs)
        {
            var confirm = await PostAsync(keeper, $"/api/legs/{leg.GetProperty("id").GetString()}/confirm", key: Guid.NewGuid().ToString());
            Assert.True(confirm.StatusCode == HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync(Ct));
        }

        var bulletins = Factory.Services.GetRequiredService<BulletinService>();
        var catalog = await Store.GetCatalogAsync(Ct);
        var today = await bulletins.TodayAsync(Ct);
        Assert.Equal((Side.Hyesan, 4920m), (today.Market, today.KpwPerCny));
        Assert.NotEmpty(today.Lines);
        // The most traded goods when more traded than fit on one bulletin.
        Assert.InRange(today.Lines.Count, 1, Bulletin.MaxLines);
        Assert.InRange(today.Lines.Sum(l => l.Legs), today.Lines.Count, legs.Count);
        foreach (var language in new[] { Language.Ko, Language.Zh, Language.En })
        {
            string text = await bulletins.TextAsync(today, language, Ct);
            var check = BulletinText.Check(text);
            Assert.True(check.Intact, $"{language}: {string.Join("; ", check.Result.Errors)}\n{text}");
            Assert.Equal(today, check.Result.Value);
            var names = text.TrimEnd('\n').Split('\n').Skip(1).Select(l => l[(l.IndexOf(" | ", StringComparison.Ordinal) + 3)..]).ToList();
            Assert.Equal(today.Lines.Select(l => catalog.Find(l.Good)!).Select(g => $"{GoodDisplay.Name(g, language)} / {g.Unit.Value}"), names);
        }
        // The three are one bulletin: only the names after '|' differ, and they do differ.
        string ko = await bulletins.TextAsync(today, Language.Ko, Ct), zh = await bulletins.TextAsync(today, Language.Zh, Ct);
        Assert.NotEqual(ko, zh);
        Assert.Contains(ko, c => c is >= '\uAC00' and <= '\uD7A3');
        Assert.Contains(zh, c => c is >= '\u4E00' and <= '\u9FFF');
    }

    [Fact]
    public async Task The_price_board_api_shows_the_other_banks_bulletin_beside_this_markets_prices()
    {
        var board = await GetJsonAsync(null, "/api/prices");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, board.GetProperty("otherBank").ValueKind);

        var bulletins = Factory.Services.GetRequiredService<BulletinService>();
        var sent = new Bulletin(Side.Changbai, new DateOnly(2026, 12, 5), 1250m,
            [new BulletinLine(GoodId.Parse("G01"), Money.Parse("4.50"), 12), new BulletinLine(GoodId.Parse("Z99"), Money.Parse("1.25"), 2)]);
        Assert.True((await bulletins.ImportAsync(null, BulletinText.Write(sent), "-", Ct)).IsOk);

        var other = (await GetJsonAsync(null, "/api/prices")).GetProperty("otherBank");
        Assert.Equal("changbai", other.GetProperty("market").GetString());
        Assert.Equal("2026-12-05", other.GetProperty("date").GetString());
        Assert.Equal(1250m, other.GetProperty("kpwPerCny").GetDecimal());
        var goods = other.GetProperty("goods").EnumerateArray().ToList();
        Assert.Equal(["G01", "Z99"], goods.Select(g => g.GetProperty("good").GetString()));
        Assert.Equal(["4.50", "1.25"], goods.Select(g => g.GetProperty("medianPerUnit").GetString()));
        Assert.Equal(DemoMarket.Catalog().Single(g => g.Id.Value == "G01").NameEn, goods[0].GetProperty("names").GetProperty("en").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, goods[1].GetProperty("names").ValueKind);
    }
}
