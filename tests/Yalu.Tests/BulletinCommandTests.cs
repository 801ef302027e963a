using Xunit;
using Yalu.Formats.Bulletins;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Tests;

public sealed class BulletinCommandTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"yalu-bulletin-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm", SqliteMarketStore.KeyFileFor(_db) }) File.Delete(file);
    }

    [Fact]
    public async Task The_bulletin_of_a_market_day_carries_its_rate_and_medians_and_checks_intact()
    {
        await SeedConfirmedLoopAsync();

        // The node was made a Changbai node: its bulletin names Changbai without any option.
        var printed = CliRun.Run(["bulletin", "--db", _db, "--lang", "en"]);
        Assert.Equal(0, printed.Code);
        var lines = printed.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith($"YALU CHANGBAI {DateTime.UtcNow:yyyy-MM-dd} KPW 1250.00 GOODS 2 CHECK ", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^1 G01 4\.50 1 \d \| rice / kg$", lines[1]);
        Assert.Matches(@"^2 S01 15\.00 1 \d \| dried pollack / kg$", lines[2]);

        var intact = CliRun.Run(["bulletin", "check", "-"], printed.Stdout);
        Assert.Equal(0, intact.Code);
        Assert.Contains("bulletin intact", intact.Stdout, StringComparison.Ordinal);

        string miscopied = printed.Stdout.Replace(" 4.50 ", " 4.80 ", StringComparison.Ordinal);
        var wrong = CliRun.Run(["bulletin", "check", "-"], miscopied);
        Assert.Equal(1, wrong.Code);
        Assert.Contains("line 2: WRONG", wrong.Stdout, StringComparison.Ordinal);
        Assert.Contains("line 3: intact", wrong.Stdout, StringComparison.Ordinal);
        Assert.Contains("-:2: BU004", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_a_usage_error_and_a_missing_file_an_input_error()
    {
        Assert.Equal(2, CliRun.Run(["bulletin", "--db", _db, "--lang", "fr"]).Code);
        // The market is the node's stored side: there is no option to say otherwise.
        var market = CliRun.Run(["bulletin", "--db", _db, "--market", "changbai"]);
        Assert.Equal(2, market.Code);
        Assert.Contains("--market", market.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, CliRun.Run(["bulletin", "check", Path.Combine(Path.GetTempPath(), "no-such-bulletin.txt")]).Code);
        Assert.False(File.Exists(_db), "a usage error opens no database");
    }

    private static string ChangbaiText(int day = 5) => BulletinText.Write(new Bulletin(Side.Changbai, new DateOnly(2026, 12, day), 1250m,
        [new BulletinLine(GoodId.Parse("G01"), Money.Parse("4.50"), 12), new BulletinLine(GoodId.Parse("S01"), Money.Parse("15.07"), 3)]), _ => "name");

    private async Task<ImportedBulletin?> StoredAsync(Side market)
    {
        await using var store = await SqliteMarketStore.OpenAsync(_db, TimeProvider.System, TestContext.Current.CancellationToken);
        return await store.GetLatestBulletinAsync(market, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Import_stores_the_other_banks_bulletin_once_and_says_so_the_second_time()
    {
        string path = _db + ".bulletin.txt";
        await File.WriteAllTextAsync(path, ChangbaiText(), TestContext.Current.CancellationToken);
        try
        {
            var first = CliRun.Run(["bulletin", "import", "--db", _db, path]);
            Assert.Equal(0, first.Code);
            Assert.Contains("imported the changbai bulletin of 2026-12-05 (2 goods)", first.Stdout, StringComparison.Ordinal);
            var stored = await StoredAsync(Side.Changbai);
            Assert.NotNull(stored);
            Assert.Equal([("G01", 450L, 12), ("S01", 1507L, 3)], stored.Bulletin.Lines.Select(l => (l.Good.Value, l.MedianPerUnit.Fen, l.Legs)));
            Assert.Equal(1250m, stored.Bulletin.KpwPerCny);

            var again = CliRun.Run(["bulletin", "import", "--db", _db, "-"], ChangbaiText());
            Assert.Equal(0, again.Code);
            Assert.Contains("was imported before: nothing changed", again.Stdout, StringComparison.Ordinal);
            Assert.Equal(stored.ImportedAt, (await StoredAsync(Side.Changbai))!.ImportedAt);

            var newer = CliRun.Run(["bulletin", "import", "--db", _db, "-"], ChangbaiText(6));
            Assert.Equal(0, newer.Code);
            Assert.Equal(new DateOnly(2026, 12, 6), (await StoredAsync(Side.Changbai))!.Bulletin.Date);
            var older = CliRun.Run(["bulletin", "import", "--db", _db, "-"], ChangbaiText(4));
            Assert.Equal(0, older.Code);
            Assert.Contains("keeps showing the newer one of 2026-12-06", older.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_of_a_bulletin_with_a_wrong_line_names_the_line_and_stores_nothing()
    {
        string miscopied = ChangbaiText().Replace(" 15.07 ", " 15.70 ", StringComparison.Ordinal);
        var wrong = CliRun.Run(["bulletin", "import", "--db", _db, "-"], miscopied);
        Assert.Equal(1, wrong.Code);
        Assert.Contains("line 3: WRONG", wrong.Stdout, StringComparison.Ordinal);
        Assert.Contains("line 2: intact", wrong.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing imported", wrong.Stdout, StringComparison.Ordinal);
        Assert.Contains("-:3: BU004", wrong.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_db), "a wrong bulletin does not even open the database");

        string shortened = string.Join('\n', ChangbaiText().Split('\n').Where((_, i) => i != 1));
        var missing = CliRun.Run(["bulletin", "import", "--db", _db, "-"], shortened);
        Assert.Equal(1, missing.Code);
        Assert.Contains("-:1: BU006", missing.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_db));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_changbai_node_refuses_a_changbai_bulletin_and_imports_a_hyesan_one_without_any_option()
    {
        Assert.Equal(0, CliRun.Run(["node", "init", "--db", _db, "--side", "changbai"]).Code);

        var own = CliRun.Run(["bulletin", "import", "--db", _db, "-"], ChangbaiText());
        Assert.Equal(1, own.Code);
        Assert.Contains("bulletin-own-market", own.Stderr, StringComparison.Ordinal);
        Assert.Contains("this node's own market (changbai)", own.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing imported", own.Stderr, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(Side.Changbai));

        string hyesan = BulletinText.Write(new Bulletin(Side.Hyesan, new DateOnly(2026, 12, 5), 1250m,
            [new BulletinLine(GoodId.Parse("G01"), Money.Parse("4.40"), 7)]), _ => "name");
        var other = CliRun.Run(["bulletin", "import", "--db", _db, "-"], hyesan);
        Assert.Equal(0, other.Code);
        Assert.Contains("imported the hyesan bulletin of 2026-12-05 (1 goods)", other.Stdout, StringComparison.Ordinal);
        Assert.Equal(440L, (await StoredAsync(Side.Hyesan))!.Bulletin.Lines.Single().MedianPerUnit.Fen);
    }

    [Fact]
    public async Task A_node_made_on_first_start_is_hyesan_and_refuses_a_hyesan_bulletin()
    {
        string hyesan = BulletinText.Write(new Bulletin(Side.Hyesan, new DateOnly(2026, 12, 5), null,
            [new BulletinLine(GoodId.Parse("G01"), Money.Parse("4.40"), 7)]), _ => "name");
        var own = CliRun.Run(["bulletin", "import", "--db", _db, "-"], hyesan);
        Assert.Equal(1, own.Code);
        Assert.Contains("this node's own market (hyesan)", own.Stderr, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(Side.Hyesan));
    }

    [Fact]
    public void Import_usage_errors_exit_2_and_an_unreadable_file_exits_1()
    {
        Assert.Equal(2, CliRun.Run(["bulletin", "import", "--db", _db, "--market", "hyesan", "-"], ChangbaiText()).Code);
        Assert.Equal(2, CliRun.Run(["bulletin", "import", "--db", _db]).Code);
        Assert.Equal(1, CliRun.Run(["bulletin", "import", "--db", _db, Path.Combine(Path.GetTempPath(), "no-such-bulletin.txt")]).Code);
        Assert.False(File.Exists(_db), "a usage error opens no database");
    }

    private async Task SeedConfirmedLoopAsync()
    {
        var clock = TimeProvider.System;
        var ct = TestContext.Current.CancellationToken;
        await using var store = await SqliteMarketStore.OpenAsync(_db, clock, NodeSetup.FirstStart with { Side = "changbai" }, ct);
        var kg = UnitCode.Parse("kg");
        Good rice = new(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", kg, Money.Parse("3.63"), Money.Parse("5.80"));
        Good pollack = new(GoodId.Parse("S01"), CategoryId.Parse("seafood"), "dried pollack", "마른 명태", "明太鱼干", kg, Money.Parse("10.00"), Money.Parse("20.00"));
        await store.UpsertGoodsAsync([rice, pollack], actor: null, ct);
        var keeper = (await store.AddTraderAsync(Trader.Register(Handle.Parse("bulletin-keeper"), Side.Changbai, Language.En, clock), null, ct)).Value;
        var alice = (await store.AddTraderAsync(Trader.Register(Handle.Parse("bulletin-alice"), Side.Changbai, Language.En, clock), null, ct)).Value;
        var bob = (await store.AddTraderAsync(Trader.Register(Handle.Parse("bulletin-bob"), Side.Changbai, Language.En, clock), null, ct)).Value;
        var a = await store.AddLotAsync(Lot.Post(alice.Id, rice.Id, Quantity.Of(2, "kg"), null, Money.Parse("9.00"), false, null, clock).Value, alice.Id, ct);
        var b = await store.AddLotAsync(Lot.Post(bob.Id, pollack.Id, Quantity.Of(1, "kg"), null, Money.Parse("15.00"), false, null, clock).Value, bob.Id, ct);
        await store.AddRateAsync(new KpwRate(DateOnly.FromDateTime(DateTime.UtcNow), 1250m, "Changbai"), keeper.Id, ct);

        var round = Round.Schedule(keeper.Id, RoundParameters.Default, clock);
        await store.AddRoundAsync(round, keeper.Id, ct);
        var running = await store.UpdateRoundAsync(round.Start().Value, RoundState.Scheduled, keeper.Id, ct);
        Leg[] legs =
        [
            new(LegId.New(clock), round.Id, 0, 0, alice.Id, a.Id, bob.Id, LegState.Pending),
            new(LegId.New(clock), round.Id, 0, 1, bob.Id, b.Id, alice.Id, LegState.Pending),
        ];
        Assert.True((await store.StoreRoundResultAsync(running.Value.Clear(clock.GetUtcNow()).Value, legs, keeper.Id, ct)).IsOk);
        foreach (var leg in legs)
        {
            var book = new TradeBook(await store.ListLotsAsync(null, ct), await store.ListLegsAsync(round.Id, ct));
            Assert.True((await store.ApplyAsync(book.Confirm(leg.Id).Value, "leg.confirmed", keeper.Id, ct)).IsOk);
        }
    }
}
