using Xunit;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Storage.Tests;

/// <summary>Price bulletins imported from the other bank's node (migration 4).</summary>
public abstract partial class MarketStoreContract
{
    private static Bulletin ChangbaiBulletin(int day, decimal? rate, params (string Good, string Value, int Legs)[] lines) =>
        new(Side.Changbai, new DateOnly(2026, 12, day), rate, [.. lines.Select(l => new BulletinLine(GoodId.Parse(l.Good), Money.Parse(l.Value), l.Legs))]);

    [Fact]
    public async Task An_imported_bulletin_round_trips_with_its_rate_lines_and_an_event()
    {
        Assert.Null(await Store.GetLatestBulletinAsync(Side.Changbai, Ct));
        var bulletin = ChangbaiBulletin(5, 1250.50m, ("G01", "4.50", 12), ("S01", "15.07", 3), ("X99", "0.01", 0));
        int events = (await Store.ReadEventsAsync(0, 1000, Ct)).Count;

        Assert.Equal(BulletinStored.Added, await Store.ImportBulletinAsync(bulletin, null, Ct));

        var stored = await Store.GetLatestBulletinAsync(Side.Changbai, Ct);
        Assert.NotNull(stored);
        Assert.Equal(bulletin, stored.Bulletin);
        Assert.Equal(1250.50m, stored.Bulletin.KpwPerCny);
        Assert.Null(await Store.GetLatestBulletinAsync(Side.Hyesan, Ct));
        var added = (await Store.ReadEventsAsync(0, 1000, Ct)).Skip(events).ToList();
        Assert.Equal("bulletin.imported", Assert.Single(added).Kind);
        Assert.Equal("changbai/2026-12-05", added[0].Subject);

        await using var again = await ReopenStoreAsync(Clock);
        Assert.Equal(bulletin, (await again.GetLatestBulletinAsync(Side.Changbai, Ct))!.Bulletin);
    }

    [Fact]
    public async Task The_same_bulletin_twice_changes_nothing_and_a_different_one_of_the_day_replaces_it()
    {
        var first = ChangbaiBulletin(5, null, ("G01", "4.50", 12), ("S01", "15.00", 3));
        Assert.Equal(BulletinStored.Added, await Store.ImportBulletinAsync(first, null, Ct));
        int events = (await Store.ReadEventsAsync(0, 1000, Ct)).Count;

        Assert.Equal(BulletinStored.Unchanged, await Store.ImportBulletinAsync(first, null, Ct));
        Assert.Equal(events, (await Store.ReadEventsAsync(0, 1000, Ct)).Count);

        var corrected = ChangbaiBulletin(5, 1250m, ("G01", "4.60", 12));
        Assert.Equal(BulletinStored.Replaced, await Store.ImportBulletinAsync(corrected, null, Ct));
        Assert.Equal(corrected, (await Store.GetLatestBulletinAsync(Side.Changbai, Ct))!.Bulletin);
        Assert.Equal(events + 1, (await Store.ReadEventsAsync(0, 1000, Ct)).Count);
    }

    [Fact]
    public async Task The_newest_bulletin_by_date_is_the_latest_whatever_the_order_of_import()
    {
        var newer = ChangbaiBulletin(6, 1260m, ("G01", "4.70", 2));
        var older = ChangbaiBulletin(4, 1240m, ("G01", "4.40", 9));
        await Store.ImportBulletinAsync(newer, null, Ct);
        Assert.Equal(BulletinStored.Added, await Store.ImportBulletinAsync(older, null, Ct));
        Assert.Equal(newer, (await Store.GetLatestBulletinAsync(Side.Changbai, Ct))!.Bulletin);

        var hyesan = new Bulletin(Side.Hyesan, new DateOnly(2026, 12, 1), null, []);
        await Store.ImportBulletinAsync(hyesan, null, Ct);
        Assert.Equal(hyesan, (await Store.GetLatestBulletinAsync(Side.Hyesan, Ct))!.Bulletin);
        Assert.Equal(newer, (await Store.GetLatestBulletinAsync(Side.Changbai, Ct))!.Bulletin);
    }
}
