using CsCheck;
using Microsoft.Extensions.Options;
using Xunit;
using Yalu.Formats.Bulletins;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Testing;
using Yalu.Web.Application;
using Yalu.Web.Demo;

namespace Yalu.Web.Tests.Application;

/// <summary>
/// The bulletin's whole trip through <see cref="BulletinService"/> into a real SQLite store: written
/// as text on one bank, checked and imported on the other, read back off the price board.
/// </summary>
public sealed class BulletinServiceTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yalu-bulletin-").FullName;
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private int _stores;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Bulletins of the other bank (a Hyesan node imports Changbai's): any date, rate or none, up to 39 distinct goods.</summary>
    private static readonly Gen<Bulletin> ChangbaiBulletins =
        Gen.Select(
            Gen.Date.Select(d => DateOnly.FromDateTime(d)),
            Gen.Long[0, 99_999_999].Select(c => c == 0 ? (decimal?)null : c / 100m),
            Gen.Select(Gen.Char['A', 'Z'], Gen.Int[0, 99], Gen.Long[0, 9_999_999_999L], Gen.Int[0, 99_999]).Array[0, Bulletin.MaxLines])
        .Select((date, rate, rows) => new Bulletin(Side.Changbai, date, rate,
            [.. rows.DistinctBy(r => (r.Item1, r.Item2)).Select(r => new BulletinLine(GoodId.Parse($"{r.Item1}{r.Item2:00}"), new Money(r.Item3), r.Item4))]));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<(SqliteMarketStore Store, BulletinService Bulletins, PriceBoardService Prices)> NodeAsync(Side market = Side.Hyesan)
    {
        // The node's market is the side of its stored identity, as `yalu node init --side` makes it.
        var store = await SqliteMarketStore.OpenAsync(Path.Combine(_directory, $"node-{Interlocked.Increment(ref _stores)}.db"), _clock,
            NodeSetup.FirstStart with { Side = Wire.Of(market) }, Ct);
        var options = Options.Create(new YaluWebOptions());
        var prices = new PriceBoardService(store, store, store, _clock, options);
        return (store, new BulletinService(store, store, prices, _clock), prices);
    }

    [Fact]
    public async Task A_bulletin_written_checked_and_imported_reads_back_off_the_board_with_the_same_rate_and_values()
    {
        await ChangbaiBulletins.SampleAsync(async sent =>
        {
            var (store, bulletins, prices) = await NodeAsync();
            await using (store)
            {
                string text = BulletinText.Write(sent, id => $"name of {id}");
                Assert.True(BulletinService.Check(text).Intact);

                var imported = await bulletins.ImportAsync(null, text, "radio.txt", Ct);
                Assert.True(imported.IsOk, string.Join("; ", imported.Fields.Select(f => f.Message)));
                Assert.Equal(BulletinImportStatus.Imported, imported.Value.Status);
                Assert.Equal(sent, imported.Value.Bulletin);

                var other = (await prices.GetAsync(Ct)).OtherBank;
                Assert.NotNull(other);
                Assert.Equal((Side.Changbai, sent.Date, sent.KpwPerCny), (other.Market, other.Date, other.KpwPerCny));
                Assert.Equal(sent.Lines.Select(l => (l.Good, l.MedianPerUnit, l.Legs)), other.Goods.Select(g => (g.GoodId, g.MedianPerUnit, g.Legs)));

                var again = await bulletins.ImportAsync(null, text, "radio.txt", Ct);
                Assert.Equal(BulletinImportStatus.AlreadyImported, again.Value.Status);
            }
        }, iter: 40, threads: 1);
    }

    [Fact]
    public async Task A_wrong_line_or_the_nodes_own_market_is_refused_and_nothing_is_stored()
    {
        var (store, bulletins, _) = await NodeAsync(Side.Changbai);
        await using (store)
        {
            var sent = new Bulletin(Side.Changbai, new DateOnly(2026, 12, 5), 1250m, [new BulletinLine(GoodId.Parse("G01"), Money.Parse("4.50"), 12)]);
            var own = await bulletins.ImportAsync(null, BulletinText.Write(sent), "-", Ct);
            Assert.Equal(UseCaseCodes.BulletinOwnMarket, own.Error!.Code);

            string miscopied = BulletinText.Write(sent with { Market = Side.Hyesan }).Replace(" 4.50 ", " 4.05 ", StringComparison.Ordinal);
            var wrong = await bulletins.ImportAsync(null, miscopied, "radio.txt", Ct);
            var field = Assert.Single(wrong.Fields);
            Assert.Equal(("text", "BU004"), (field.Field, field.Code));
            Assert.StartsWith("radio.txt:2: BU004: ", field.Message, StringComparison.Ordinal);

            var huge = await bulletins.ImportAsync(null, new string('1', BulletinService.MaxTextLength + 1), "-", Ct);
            Assert.Equal(UseCaseCodes.OutOfRange, Assert.Single(huge.Fields).Code);

            Assert.Null(await store.GetLatestBulletinAsync(Side.Hyesan, Ct));
            Assert.Null(await store.GetLatestBulletinAsync(Side.Changbai, Ct));
            Assert.DoesNotContain(await store.ReadEventsAsync(0, 1000, Ct), e => e.Kind == "bulletin.imported");
        }
    }

    [Fact]
    public async Task A_newer_bulletin_replaces_what_the_board_shows_and_an_older_one_does_not()
    {
        var (store, bulletins, prices) = await NodeAsync();
        await using (store)
        {
            Bulletin On(int day, string value) =>
                new(Side.Changbai, new DateOnly(2026, 12, day), null, [new BulletinLine(GoodId.Parse("G01"), Money.Parse(value), 1)]);
            Assert.Equal(BulletinImportStatus.Imported, (await bulletins.ImportAsync(null, BulletinText.Write(On(5, "4.50")), "-", Ct)).Value.Status);
            Assert.Equal(BulletinImportStatus.Imported, (await bulletins.ImportAsync(null, BulletinText.Write(On(6, "4.70")), "-", Ct)).Value.Status);
            Assert.Equal(Money.Parse("4.70"), (await prices.GetAsync(Ct)).OtherBank!.Goods[0].MedianPerUnit);

            var older = (await bulletins.ImportAsync(null, BulletinText.Write(On(4, "4.10")), "-", Ct)).Value;
            Assert.Equal((BulletinImportStatus.OlderThanShown, new DateOnly(2026, 12, 6)), (older.Status, older.Shown));
            Assert.Equal(Money.Parse("4.70"), (await prices.GetAsync(Ct)).OtherBank!.Goods[0].MedianPerUnit);

            var corrected = (await bulletins.ImportAsync(null, BulletinText.Write(On(6, "4.75")), "-", Ct)).Value;
            Assert.Equal(BulletinImportStatus.Replaced, corrected.Status);
            Assert.Equal(Money.Parse("4.75"), (await prices.GetAsync(Ct)).OtherBank!.Goods[0].MedianPerUnit);
        }
    }

    [Fact]
    public async Task The_board_names_a_good_from_the_catalog_and_keeps_one_the_catalog_lacks_by_its_code()
    {
        var (store, bulletins, prices) = await NodeAsync();
        await using (store)
        {
            await store.UpsertGoodsAsync(DemoMarket.Catalog(), null, Ct);
            var sent = new Bulletin(Side.Changbai, new DateOnly(2026, 12, 5), null,
                [new BulletinLine(GoodId.Parse("G01"), Money.Parse("4.50"), 3), new BulletinLine(GoodId.Parse("Z99"), Money.Parse("1.00"), 1)]);
            Assert.True((await bulletins.ImportAsync(null, BulletinText.Write(sent), "-", Ct)).IsOk);
            var goods = (await prices.GetAsync(Ct)).OtherBank!.Goods;
            Assert.Equal("G01", goods[0].Good!.Id.Value);
            Assert.Null(goods[1].Good);
            Assert.Equal("Z99", goods[1].GoodId.Value);
        }
    }
}
