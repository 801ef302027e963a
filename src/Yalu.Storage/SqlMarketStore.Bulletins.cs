using System.Data.Common;
using System.Globalization;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>Price bulletins imported from the other bank's node (migration 4).</summary>
public abstract partial class SqlMarketStore
{
    /// <inheritdoc/>
    public async Task<BulletinStored> ImportBulletinAsync(Bulletin bulletin, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        if (bulletin.Lines.Count > Bulletin.MaxLines) throw new ArgumentException($"a bulletin has at most {Bulletin.MaxLines} goods", nameof(bulletin));
        string market = DbText.Of(bulletin.Market);
        var result = await WriteAsync(async (c, tx) =>
        {
            var stored = await ReadBulletinAsync(c, tx, market, bulletin.Date, cancellationToken);
            if (stored is not null && stored.Bulletin.Equals(bulletin)) return Result.Ok(BulletinStored.Unchanged);
            if (stored is not null)
            {
                await ExecuteAsync(c, tx, "DELETE FROM bulletin_lines WHERE market = @market AND date = @date", cancellationToken, ("market", market), ("date", bulletin.Date));
                await ExecuteAsync(c, tx, "DELETE FROM bulletins WHERE market = @market AND date = @date", cancellationToken, ("market", market), ("date", bulletin.Date));
            }
            await ExecuteAsync(c, tx, "INSERT INTO bulletins (market, date, kpw_per_cny, imported_at) VALUES (@market, @date, @rate, @at)", cancellationToken,
                ("market", market), ("date", bulletin.Date), ("rate", bulletin.KpwPerCny), ("at", Clock.GetUtcNow()));
            for (int i = 0; i < bulletin.Lines.Count; i++)
            {
                var line = bulletin.Lines[i];
                await ExecuteAsync(c, tx,
                    "INSERT INTO bulletin_lines (market, date, position, good, median_per_unit, legs) VALUES (@market, @date, @position, @good, @median, @legs)",
                    cancellationToken, ("market", market), ("date", bulletin.Date), ("position", i + 1), ("good", line.Good.Value),
                    ("median", line.MedianPerUnit.Fen), ("legs", line.Legs));
            }
            string date = bulletin.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await AppendEventAsync(c, tx, actor, "bulletin.imported", $"{market}/{date}", new
            {
                market, date, kpwPerCny = bulletin.KpwPerCny, goods = bulletin.Lines.Count,
                lines = bulletin.Lines.Select(l => new { good = l.Good.Value, medianPerUnit = l.MedianPerUnit.ToString(), legs = l.Legs }),
                replaced = stored is not null,
            }, cancellationToken);
            return Result.Ok(stored is null ? BulletinStored.Added : BulletinStored.Replaced);
        }, cancellationToken);
        return result.Value;
    }

    /// <inheritdoc/>
    public async Task<ImportedBulletin?> GetLatestBulletinAsync(Side market, CancellationToken cancellationToken = default)
    {
        string side = DbText.Of(market);
        var latest = await CachedReadAsync("bulletin:" + side, async c =>
        {
            var dates = await QueryAsync(c, "SELECT date FROM bulletins WHERE market = @market ORDER BY date DESC LIMIT 1",
                r => r.GetFieldValue<DateOnly>(0), cancellationToken, ("market", side));
            return new Latest(dates.Count == 0 ? null : await ReadBulletinAsync(c, null, side, dates[0], cancellationToken));
        }, cancellationToken);
        return latest.Bulletin;
    }

    /// <summary>The cache keeps classes only; this holds a bulletin or its absence.</summary>
    private sealed record Latest(ImportedBulletin? Bulletin);

    private static async Task<ImportedBulletin?> ReadBulletinAsync(DbConnection c, DbTransaction? tx, string market, DateOnly date, CancellationToken cancellationToken)
    {
        (decimal? Rate, DateTimeOffset At)? head = null;
        await using (var command = Command(c, tx, "SELECT kpw_per_cny, imported_at FROM bulletins WHERE market = @market AND date = @date", ("market", market), ("date", date)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
                head = (reader.IsDBNull(0) ? null : reader.GetDecimal(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
        if (head is not { } h) return null;
        var lines = new List<BulletinLine>();
        await using (var command = Command(c, tx, "SELECT good, median_per_unit, legs FROM bulletin_lines WHERE market = @market AND date = @date ORDER BY position",
            ("market", market), ("date", date)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                lines.Add(new BulletinLine(GoodId.Parse(reader.GetString(0)), new Money(reader.GetInt64(1)), reader.GetInt32(2)));
        }
        return new ImportedBulletin(new Bulletin(DbText.Parse<Side>(market), date, h.Rate, lines.AsReadOnly()), h.At);
    }
}
