using System.Data.Common;
using Yalu.Market.Credit;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>Credit limits, the ledger, IOUs and set-off runs.</summary>
public abstract partial class SqlMarketStore
{
    private const string IouColumns = "id, creditor_id, debtor_id, amount, remaining, memo, state, created_at, version";
    private const string EntryColumns = "seq, at, kind, reference, credit_id, debit_id, amount";

    /// <inheritdoc/>
    public Task<Result<Trader>> SetCreditLimitAsync(TraderId trader, Money limit, TraderId? actor, CancellationToken cancellationToken = default)
    {
        if (limit < Money.Zero) return Task.FromResult(Result.Fail<Trader>(ErrorCodes.InvalidCreditLimit, "a credit limit is not negative"));
        return WriteAsync(async (c, tx) =>
        {
            int rows = await ExecuteAsync(c, tx, "UPDATE traders SET credit_limit = @limit WHERE id = @id",
                cancellationToken, ("id", Id(trader.Value)), ("limit", limit.Fen));
            if (rows == 0) return Result.Fail<Trader>(ErrorCodes.ConcurrencyConflict, $"there is no trader {trader}");
            await AppendEventAsync(c, tx, actor, "credit.limit-set", trader.ToString(), new { trader = trader.ToString(), limit = limit.ToString() }, cancellationToken);
            await using var read = Command(c, tx, $"SELECT {TraderColumns} FROM traders WHERE id = @id", ("id", Id(trader.Value)));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return Result.Ok(ReadTrader(reader));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<LedgerBalances> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async c =>
        {
            var rows = await QueryAsync(c,
                "SELECT credit_id, SUM(amount) FROM ledger_entries GROUP BY credit_id UNION ALL SELECT debit_id, -SUM(amount) FROM ledger_entries GROUP BY debit_id",
                r => (Account: OptionalTrader(r, 0), Fen: r.GetInt64(1)), cancellationToken);
            var traders = new Dictionary<TraderId, Money>();
            var pool = Money.Zero;
            foreach (var (account, fen) in rows)
            {
                if (account is { } t) traders[t] = traders.GetValueOrDefault(t) + new Money(fen);
                else pool += new Money(fen);
            }
            return LedgerBalances.Of(traders, pool);
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<PostedEntry>> ListLedgerAsync(TraderId? trader, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return ReadAsync<IReadOnlyList<PostedEntry>>(async c => trader is { } t
            ? await QueryAsync(c, $"SELECT {EntryColumns} FROM ledger_entries WHERE credit_id = @t OR debit_id = @t ORDER BY seq DESC LIMIT @max",
                ReadEntry, cancellationToken, ("t", Id(t.Value)), ("max", max))
            : await QueryAsync(c, $"SELECT {EntryColumns} FROM ledger_entries ORDER BY seq DESC LIMIT @max", ReadEntry, cancellationToken, ("max", max)),
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Result<Iou>> AddIouAsync(Iou iou, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(iou);
        if (iou.State != IouState.Proposed) throw new ArgumentException("a new IOU is proposed", nameof(iou));
        return WriteAsync(async (c, tx) =>
        {
            await ExecuteAsync(c, tx,
                $"INSERT INTO ious ({IouColumns}) VALUES (@id, @creditor, @debtor, @amount, @remaining, @memo, @state, @at, 1)",
                cancellationToken,
                ("id", Id(iou.Id.Value)), ("creditor", Id(iou.Creditor.Value)), ("debtor", Id(iou.Debtor.Value)), ("amount", iou.Amount.Fen),
                ("remaining", iou.Remaining.Fen), ("memo", iou.Memo), ("state", DbText.Of(iou.State)), ("at", iou.CreatedAt));
            // The memo is the parties' own words: never in an event.
            await AppendEventAsync(c, tx, actor, "iou.proposed", iou.Id.ToString(), new
            {
                id = iou.Id.ToString(), creditor = iou.Creditor.ToString(), debtor = iou.Debtor.ToString(), amount = iou.Amount.ToString(),
            }, cancellationToken);
            return Result.Ok(iou.AtVersion(1));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Result<Iou>> UpdateIouAsync(Iou iou, LedgerEntry? entry, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(iou);
        return WriteAsync(async (c, tx) =>
        {
            var written = await WriteIouAsync(c, tx, iou, cancellationToken);
            if (!written.IsOk) return written;
            if (entry is not null) await InsertEntryAsync(c, tx, entry, cancellationToken);
            await AppendEventAsync(c, tx, actor, "iou." + DbText.Of(iou.State), iou.Id.ToString(), new
            {
                id = iou.Id.ToString(), state = DbText.Of(iou.State), remaining = iou.Remaining.ToString(),
                entries = entry is null ? Array.Empty<object>() : new[] { EntryPayload(entry) },
            }, cancellationToken);
            return written;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Iou?> GetIouAsync(IouId id, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await QueryAsync(c, $"SELECT {IouColumns} FROM ious WHERE id = @id", ReadIou, cancellationToken, ("id", Id(id.Value)))).SingleOrDefault(), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Iou>> ListIousAsync(TraderId? trader, IouState? state, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (trader is { } t)
        {
            where.Add("(creditor_id = @t OR debtor_id = @t)");
            parameters.Add(("t", Id(t.Value)));
        }
        if (state is { } s)
        {
            where.Add("state = @state");
            parameters.Add(("state", DbText.Of(s)));
        }
        string filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        return ReadAsync<IReadOnlyList<Iou>>(async c => await QueryAsync(c, $"SELECT {IouColumns} FROM ious{filter} ORDER BY created_at DESC, id",
            ReadIou, cancellationToken, [.. parameters]), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Result<SetoffRun>> PostSetoffAsync(
        SetoffRun run, IReadOnlyList<Iou> reduced, IReadOnlyList<LedgerEntry> entries, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(reduced);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Any(e => e.Kind != LedgerEntryKind.Setoff)) throw new ArgumentException("a set-off posts set-off entries", nameof(entries));
        return WriteAsync(async (c, tx) =>
        {
            await ExecuteAsync(c, tx,
                "INSERT INTO setoff_runs (id, keeper_id, at, obligations, total, cleared, remaining) VALUES (@id, @keeper, @at, @n, @total, @cleared, @remaining)",
                cancellationToken,
                ("id", Id(run.Id)), ("keeper", Id(run.Keeper.Value)), ("at", run.At), ("n", run.Obligations), ("total", run.Total.Fen),
                ("cleared", run.Cleared.Fen), ("remaining", run.Remaining.Fen));
            foreach (var iou in reduced)
            {
                var written = await WriteIouAsync(c, tx, iou, cancellationToken);
                if (!written.IsOk) return Result.Fail<SetoffRun>(written.Error);
            }
            foreach (var entry in entries) await InsertEntryAsync(c, tx, entry, cancellationToken);
            await AppendEventAsync(c, tx, actor, "setoff.posted", run.Id.ToString("D"), new
            {
                id = run.Id.ToString("D"), keeper = run.Keeper.ToString(), obligations = run.Obligations, total = run.Total.ToString(),
                cleared = run.Cleared.ToString(), remaining = run.Remaining.ToString(),
                ious = reduced.Select(i => new { id = i.Id.ToString(), remaining = i.Remaining.ToString(), state = DbText.Of(i.State) }),
                entries = entries.Select(EntryPayload),
            }, cancellationToken);
            return Result.Ok(run);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SetoffRun>> ListSetoffRunsAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return ReadAsync<IReadOnlyList<SetoffRun>>(async c => await QueryAsync(c,
            "SELECT id, keeper_id, at, obligations, total, cleared FROM setoff_runs ORDER BY at DESC, id LIMIT @max",
            r => new SetoffRun(r.GetGuid(0), new TraderId(r.GetGuid(1)), r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3), new Money(r.GetInt64(4)), new Money(r.GetInt64(5))),
            cancellationToken, ("max", max)), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Leg>> ListLegsOfPendingRoundsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Leg>>(async c => await QueryAsync(c,
            $"SELECT {LegColumns} FROM legs WHERE round_id IN (SELECT round_id FROM legs WHERE state = 'pending') ORDER BY round_id, exchange_index, position",
            r => new Leg(new LegId(r.GetGuid(0)), new RoundId(r.GetGuid(1)), r.GetInt32(2), r.GetInt32(3), new TraderId(r.GetGuid(4)),
                new LotId(r.GetGuid(5)), new TraderId(r.GetGuid(6)), DbText.Parse<LegState>(r.GetString(7))),
            cancellationToken), cancellationToken);

    private async Task<Result<Iou>> WriteIouAsync(DbConnection c, DbTransaction tx, Iou iou, CancellationToken cancellationToken)
    {
        int rows = await ExecuteAsync(c, tx,
            "UPDATE ious SET remaining = @remaining, state = @state, version = version + 1 WHERE id = @id AND version = @version",
            cancellationToken, ("id", Id(iou.Id.Value)), ("remaining", iou.Remaining.Fen), ("state", DbText.Of(iou.State)), ("version", iou.Version));
        return rows == 0
            ? Result.Fail<Iou>(ErrorCodes.ConcurrencyConflict, $"IOU {iou.Id} changed since version {iou.Version}")
            : Result.Ok(iou.AtVersion(iou.Version + 1));
    }

    /// <summary>Inserts one ledger entry in the caller's transaction (the database refuses a second entry for the same kind and reference).</summary>
    private Task<int> InsertEntryAsync(DbConnection c, DbTransaction tx, LedgerEntry entry, CancellationToken cancellationToken) =>
        ExecuteAsync(c, tx, "INSERT INTO ledger_entries (at, kind, reference, credit_id, debit_id, amount) VALUES (@at, @kind, @reference, @credit, @debit, @amount)",
            cancellationToken,
            ("at", Clock.GetUtcNow()), ("kind", DbText.Of(entry.Kind)), ("reference", entry.Reference),
            ("credit", entry.Credit is { } cr ? Id(cr.Value) : null), ("debit", entry.Debit is { } db ? Id(db.Value) : null), ("amount", entry.Amount.Fen));

    private static object EntryPayload(LedgerEntry e) => new
    {
        kind = DbText.Of(e.Kind), reference = e.Reference, credit = e.Credit?.ToString() ?? "pool", debit = e.Debit?.ToString() ?? "pool", amount = e.Amount.ToString(),
    };

    private static TraderId? OptionalTrader(DbDataReader r, int i) => r.IsDBNull(i) ? null : new TraderId(r.GetGuid(i));

    private static PostedEntry ReadEntry(DbDataReader r) => new(
        r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1),
        new LedgerEntry(DbText.Parse<LedgerEntryKind>(r.GetString(2)), r.GetString(3), OptionalTrader(r, 4), OptionalTrader(r, 5), new Money(r.GetInt64(6))));

    private static Iou ReadIou(DbDataReader r) => new(
        new IouId(r.GetGuid(0)), new TraderId(r.GetGuid(1)), new TraderId(r.GetGuid(2)), new Money(r.GetInt64(3)), new Money(r.GetInt64(4)),
        r.GetString(5), DbText.Parse<IouState>(r.GetString(6)), r.GetFieldValue<DateTimeOffset>(7), r.GetInt64(8));
}
