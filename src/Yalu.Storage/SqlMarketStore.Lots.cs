using System.Data.Common;
using System.Runtime.CompilerServices;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>Lots, want lists and rates.</summary>
public abstract partial class SqlMarketStore
{
    private const string LotColumns = "id, owner_id, good_id, quantity, unit, note, value, is_donor, group_id, state, created_at, version";

    /// <inheritdoc/>
    public async Task<Lot> AddLotAsync(Lot lot, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var stored = lot.AtVersion(1);
        var result = await WriteAsync(async (c, tx) =>
        {
            await ExecuteAsync(c, tx,
                $"INSERT INTO lots ({LotColumns}) VALUES (@id, @owner, @good, @quantity, @unit, @note, @value, @donor, @group, @state, @at, 1)",
                cancellationToken,
                ("id", Id(lot.Id.Value)), ("owner", Id(lot.Owner.Value)), ("good", lot.Good.Value), ("quantity", lot.Quantity.Amount),
                ("unit", lot.Quantity.Unit.Value), ("note", lot.Note), ("value", lot.Value.Fen), ("donor", lot.IsDonor),
                ("group", lot.Group is { } g ? Id(g.Value) : null), ("state", DbText.Of(lot.State)), ("at", lot.CreatedAt));
            await AppendEventAsync(c, tx, actor, "lot.posted", lot.Id.ToString(), LotPayload(stored), EventPayloads.Lot(actor, stored), cancellationToken);
            return Result.Ok(stored);
        }, cancellationToken);
        return result.Value;
    }

    /// <inheritdoc/>
    public Task<Result<Lot>> UpdateLotAsync(Lot lot, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return WriteAsync((c, tx) => WriteLotAsync(c, tx, lot, "lot.updated", actor, cancellationToken), cancellationToken);
    }

    private async Task<Result<Lot>> WriteLotAsync(DbConnection c, DbTransaction tx, Lot lot, string kind, TraderId? actor, CancellationToken cancellationToken)
    {
        var next = lot.AtVersion(lot.Version + 1);
        int rows = await ExecuteAsync(c, tx,
            "UPDATE lots SET quantity = @quantity, unit = @unit, note = @note, value = @value, group_id = @group, state = @state, version = @next WHERE id = @id AND version = @version AND home IS NULL",
            cancellationToken,
            ("id", Id(lot.Id.Value)), ("quantity", lot.Quantity.Amount), ("unit", lot.Quantity.Unit.Value), ("note", lot.Note),
            ("value", lot.Value.Fen), ("group", lot.Group is { } g ? Id(g.Value) : null), ("state", DbText.Of(lot.State)),
            ("version", lot.Version), ("next", next.Version));
        if (rows == 0)
            return await ScalarAsync(c, tx, "SELECT home FROM lots WHERE id = @id", cancellationToken, ("id", Id(lot.Id.Value))) is string
                ? Result.Fail<Lot>(ErrorCodes.RecordElsewhere, $"lot {lot.Id} is the other bank's: only its home node changes it")
                : Result.Fail<Lot>(ErrorCodes.ConcurrencyConflict, $"lot {lot.Id} changed since version {lot.Version}");
        await AppendEventAsync(c, tx, actor, kind, lot.Id.ToString(), LotPayload(next), EventPayloads.Lot(actor, next), cancellationToken);
        return Result.Ok(next);
    }

    /// <inheritdoc/>
    public Task<Lot?> GetLotAsync(LotId id, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await QueryAsync(c, $"SELECT {LotColumns} FROM lots WHERE id = @id", ReadLot, cancellationToken, ("id", Id(id.Value)))).SingleOrDefault(), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Lot>> ListLotsAsync(LotState? state = null, CancellationToken cancellationToken = default) =>
        CachedReadAsync<IReadOnlyList<Lot>>(state is { } s ? "lots:" + DbText.Of(s) : "lots", async c =>
        {
            var lots = state is { } s
                // An open lot of the other bank in a proposed exchange is spoken for until its node answers.
                ? await QueryAsync(c, $"SELECT {LotColumns} FROM lots WHERE state = @state"
                    + (s == LotState.Open ? " AND NOT EXISTS (SELECT 1 FROM legs g WHERE g.lot_id = lots.id AND g.state = 'pending')" : ""),
                    ReadLot, cancellationToken, ("state", DbText.Of(s)))
                : await QueryAsync(c, $"SELECT {LotColumns} FROM lots", ReadLot, cancellationToken);
            return lots.OrderBy(l => l.Id.Value).ToArray().AsReadOnly();
        }, cancellationToken);

    /// <inheritdoc/>
    public Task SetWantListAsync(WantList wantList, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wantList);
        return WriteAsync(async (c, tx) =>
        {
            var lot = Id(wantList.Lot.Value);
            await ExecuteAsync(c, tx, "DELETE FROM want_entries WHERE lot_id = @lot", cancellationToken, ("lot", lot));
            await ExecuteAsync(c, tx, "DELETE FROM want_lists WHERE lot_id = @lot", cancellationToken, ("lot", lot));
            await ExecuteAsync(c, tx, "INSERT INTO want_lists (lot_id, owner_id, updated_at) VALUES (@lot, @owner, @at)", cancellationToken,
                ("lot", lot), ("owner", Id(wantList.Owner.Value)), ("at", Clock.GetUtcNow()));
            for (int i = 0; i < wantList.Entries.Length; i++)
            {
                var e = wantList.Entries[i];
                await ExecuteAsync(c, tx,
                    "INSERT INTO want_entries (lot_id, rank, kind, target_lot_id, good_id, category, min_percent) VALUES (@lot, @rank, @kind, @target, @good, @category, @percent)",
                    cancellationToken,
                    ("lot", lot), ("rank", i + 1), ("kind", DbText.Of(e.Kind)), ("target", e.Lot is { } t ? Id(t.Value) : null),
                    ("good", e.Good?.Value), ("category", e.Category?.Value), ("percent", e.MinPercent));
            }
            await AppendEventAsync(c, tx, actor, "wants.set", wantList.Lot.ToString(), new
            {
                lot = wantList.Lot.ToString(),
                entries = wantList.Entries.Select(e => new { kind = DbText.Of(e.Kind), lot = e.Lot?.ToString(), good = e.Good?.Value, category = e.Category?.Value, minPercent = e.MinPercent }),
            }, EventPayloads.Wants(actor, wantList), cancellationToken);
            return Result.Ok(true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<WantList?> GetWantListAsync(LotId lot, CancellationToken cancellationToken = default) =>
        // Boxed, so that "no want list" is kept too.
        (await CachedReadAsync("wants:" + lot, async c => new StrongBox<WantList?>(
            (await ReadWantListsAsync(c, "WHERE w.lot_id = @lot", cancellationToken, ("lot", Id(lot.Value)))).SingleOrDefault()), cancellationToken)).Value;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WantList>> ListOpenWantListsAsync(CancellationToken cancellationToken = default) =>
        await ReadWantListsAsync("JOIN lots l ON l.id = w.lot_id WHERE l.state = 'open'", cancellationToken);

    private Task<List<WantList>> ReadWantListsAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        ReadAsync(c => ReadWantListsAsync(c, where, cancellationToken, parameters), cancellationToken);

    private static async Task<List<WantList>> ReadWantListsAsync(DbConnection c, string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var owners = await QueryAsync(c, $"SELECT w.lot_id, w.owner_id FROM want_lists w {where}",
            r => (Lot: new LotId(r.GetGuid(0)), Owner: new TraderId(r.GetGuid(1))), cancellationToken, parameters);
        var entries = await QueryAsync(c,
            $"SELECT e.lot_id, e.kind, e.target_lot_id, e.good_id, e.category, e.min_percent FROM want_entries e JOIN want_lists w ON w.lot_id = e.lot_id {where} ORDER BY e.lot_id, e.rank",
            r => (Lot: new LotId(r.GetGuid(0)), Entry: DbText.Parse<WantKind>(r.GetString(1)) switch
            {
                WantKind.Lot => WantEntry.ForLot(new LotId(r.GetGuid(2))),
                WantKind.Good => WantEntry.ForGood(GoodId.Parse(r.GetString(3))),
                _ => WantEntry.ForCategory(CategoryId.Parse(r.GetString(4)), r.GetInt32(5)).Value,
            }), cancellationToken, parameters);
        var byLot = entries.ToLookup(e => e.Lot, e => e.Entry);
        return owners.OrderBy(o => o.Lot.Value).Select(o => WantList.Restore(o.Lot, o.Owner, byLot[o.Lot])).ToList();
    }

    /// <inheritdoc/>
    public Task AddRateAsync(KpwRate rate, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return WriteAsync(async (c, tx) =>
        {
            await ExecuteAsync(c, tx, "DELETE FROM kpw_rates WHERE date = @date AND place = @place", cancellationToken, ("date", rate.Date), ("place", rate.Place));
            await ExecuteAsync(c, tx, "INSERT INTO kpw_rates (date, place, kpw_per_cny) VALUES (@date, @place, @rate)", cancellationToken,
                ("date", rate.Date), ("place", rate.Place), ("rate", rate.KpwPerCny));
            await AppendEventAsync(c, tx, actor, "rate.recorded", $"{rate.Date:yyyy-MM-dd}/{rate.Place}",
                new { date = rate.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), place = rate.Place, kpwPerCny = rate.KpwPerCny }, EventPayloads.Rate(actor, rate), cancellationToken);
            return Result.Ok(true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<KpwRate>> ListRatesAsync(CancellationToken cancellationToken = default) =>
        CachedReadAsync<IReadOnlyList<KpwRate>>("rates", async c => (await QueryAsync(c, "SELECT date, kpw_per_cny, place FROM kpw_rates ORDER BY date DESC, place",
            r => new KpwRate(r.GetFieldValue<DateOnly>(0), r.GetDecimal(1), r.GetString(2)), cancellationToken)).AsReadOnly(), cancellationToken);

    private static Lot ReadLot(DbDataReader r)
    {
        var quantity = Quantity.Create(r.GetDecimal(3), UnitCode.Parse(r.GetString(4))).Value;
        return Lot.Restore(
            new LotId(r.GetGuid(0)), new TraderId(r.GetGuid(1)), GoodId.Parse(r.GetString(2)), quantity, r.GetString(5),
            new Money(r.GetInt64(6)), r.GetBoolean(7), r.IsDBNull(8) ? null : new LotGroupId(r.GetGuid(8)),
            DbText.Parse<LotState>(r.GetString(9)), r.GetFieldValue<DateTimeOffset>(10), r.GetInt64(11)).Value;
    }

    // Never the note: it is free text a trader wrote and may identify them.
    private static object LotPayload(Lot l) => new
    {
        id = l.Id.ToString(), owner = l.Owner.ToString(), good = l.Good.Value, quantity = l.Quantity.Amount, unit = l.Quantity.Unit.Value,
        value = l.Value.ToString(), donor = l.IsDonor, group = l.Group?.ToString(), state = DbText.Of(l.State), version = l.Version,
    };
}
