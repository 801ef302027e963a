using System.Data.Common;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>Rounds, legs and what a trade book changes.</summary>
public abstract partial class SqlMarketStore
{
    private const string RoundColumns = "id, keeper_id, cycle_cap, chain_cap, objective, time_limit_ms, state, created_at, finished_at, credit";
    private const string LegColumns = "id, round_id, exchange_index, position, giver_id, lot_id, receiver_id, state";

    /// <inheritdoc/>
    public Task<Result<Round>> AddRoundAsync(Round round, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return WriteAsync(async (c, tx) =>
        {
            var p = round.Parameters;
            try
            {
                await ExecuteAsync(c, tx,
                    $"INSERT INTO rounds ({RoundColumns}) VALUES (@id, @keeper, @cycle, @chain, @objective, @limit, @state, @at, @finished, @credit)",
                    cancellationToken,
                    ("id", Id(round.Id.Value)), ("keeper", Id(round.Keeper.Value)), ("cycle", p.CycleCap), ("chain", p.ChainCap),
                    ("objective", DbText.Of(p.Objective)), ("limit", (long)p.TimeLimit.TotalMilliseconds), ("state", DbText.Of(round.State)),
                    ("at", round.CreatedAt), ("finished", round.FinishedAt), ("credit", p.Credit));
            }
            catch (System.Data.Common.DbException e) when (IsUniqueViolation(e))
            {
                // rounds_one_active: the database itself keeps "one round scheduled or running per market".
                return Result.Fail<Round>(ErrorCodes.RoundActive, "another round of the market is scheduled or running");
            }
            await AppendEventAsync(c, tx, actor, "round.scheduled", round.Id.ToString(), new
            {
                id = round.Id.ToString(), keeper = round.Keeper.ToString(), cycleCap = p.CycleCap, chainCap = p.ChainCap,
                objective = DbText.Of(p.Objective), timeLimitMs = (long)p.TimeLimit.TotalMilliseconds, credit = p.Credit,
            }, cancellationToken);
            return Result.Ok(round);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Round>> ListActiveRoundsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Round>>(async c => await QueryAsync(c,
            $"SELECT {RoundColumns} FROM rounds WHERE state IN ('scheduled', 'running') ORDER BY created_at, id", ReadRound, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public Task<Result<Round>> UpdateRoundAsync(Round round, RoundState expected, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return WriteAsync((c, tx) => WriteRoundAsync(c, tx, round, expected, actor, cancellationToken), cancellationToken);
    }

    private async Task<Result<Round>> WriteRoundAsync(DbConnection c, DbTransaction tx, Round round, RoundState expected, TraderId? actor, CancellationToken cancellationToken)
    {
        int rows = await ExecuteAsync(c, tx, "UPDATE rounds SET state = @state, finished_at = @finished WHERE id = @id AND state = @expected",
            cancellationToken, ("id", Id(round.Id.Value)), ("state", DbText.Of(round.State)), ("finished", round.FinishedAt), ("expected", DbText.Of(expected)));
        if (rows == 0) return Result.Fail<Round>(ErrorCodes.RoundIllegalTransition, $"round {round.Id} is not {DbText.Of(expected)}");
        await AppendEventAsync(c, tx, actor, "round.updated", round.Id.ToString(), new { id = round.Id.ToString(), state = DbText.Of(round.State) }, cancellationToken);
        return Result.Ok(round);
    }

    /// <inheritdoc/>
    public Task<Round?> GetRoundAsync(RoundId id, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await QueryAsync(c, $"SELECT {RoundColumns} FROM rounds WHERE id = @id", ReadRound,
            cancellationToken, ("id", Id(id.Value)))).SingleOrDefault(), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Round>> ListRoundsAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return ReadAsync<IReadOnlyList<Round>>(async c => await QueryAsync(c, $"SELECT {RoundColumns} FROM rounds ORDER BY created_at DESC, id LIMIT @max", ReadRound,
            cancellationToken, ("max", max)), cancellationToken);
    }

    private static Round ReadRound(DbDataReader r) => new(
        new RoundId(r.GetGuid(0)), new TraderId(r.GetGuid(1)),
        RoundParameters.Create(r.GetInt32(2), r.GetInt32(3), DbText.Parse<RoundObjective>(r.GetString(4)), TimeSpan.FromMilliseconds(r.GetInt64(5)), r.GetBoolean(9)).Value,
        DbText.Parse<RoundState>(r.GetString(6)), r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8));

    /// <inheritdoc/>
    public Task<Result<Round>> StoreRoundResultAsync(Round cleared, IReadOnlyList<Leg> legs, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cleared);
        ArgumentNullException.ThrowIfNull(legs);
        if (cleared.State != RoundState.Cleared) throw new ArgumentException("the round must be cleared", nameof(cleared));
        if (legs.Any(l => l.Round != cleared.Id || !l.IsPending)) throw new ArgumentException("every leg is a pending leg of this round", nameof(legs));
        return WriteAsync(async (c, tx) =>
        {
            var round = await WriteRoundAsync(c, tx, cleared, RoundState.Running, actor, cancellationToken);
            if (!round.IsOk) return round;
            foreach (var leg in legs)
            {
                // Open -> matched, guarded in SQL so a lot withdrawn meanwhile stops the whole round.
                int rows = await ExecuteAsync(c, tx,
                    "UPDATE lots SET state = 'matched', version = version + 1 WHERE id = @id AND owner_id = @giver AND state = 'open'",
                    cancellationToken, ("id", Id(leg.Lot.Value)), ("giver", Id(leg.Giver.Value)));
                if (rows == 0) return Result.Fail<Round>(ErrorCodes.LotNotOpen, $"lot {leg.Lot} is no longer open (or not the giver's)");
                try
                {
                    await InsertLegAsync(c, tx, leg, cancellationToken);
                }
                catch (DbException e) when (IsUniqueViolation(e))
                {
                    return Result.Fail<Round>(ErrorCodes.LotInPendingLeg, $"lot {leg.Lot} is already in a pending leg");
                }
            }
            await AppendEventAsync(c, tx, actor, "round.cleared", cleared.Id.ToString(), new
            {
                id = cleared.Id.ToString(),
                legs = legs.Select(l => new
                {
                    id = l.Id.ToString(), exchange = l.Exchange, position = l.Position, giver = l.Giver.ToString(),
                    lot = l.Lot.ToString(), receiver = l.Receiver.ToString(),
                }),
            }, cancellationToken);
            return round;
        }, cancellationToken);
    }

    private Task<int> InsertLegAsync(DbConnection c, DbTransaction tx, Leg leg, CancellationToken cancellationToken) =>
        ExecuteAsync(c, tx, $"INSERT INTO legs ({LegColumns}) VALUES (@id, @round, @exchange, @position, @giver, @lot, @receiver, @state)",
            cancellationToken,
            ("id", Id(leg.Id.Value)), ("round", Id(leg.Round.Value)), ("exchange", leg.Exchange), ("position", leg.Position),
            ("giver", Id(leg.Giver.Value)), ("lot", Id(leg.Lot.Value)), ("receiver", Id(leg.Receiver.Value)), ("state", DbText.Of(leg.State)));

    /// <inheritdoc/>
    public Task<IReadOnlyList<Leg>> ListLegsAsync(RoundId round, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Leg>>(async c => await QueryAsync(c, $"SELECT {LegColumns} FROM legs WHERE round_id = @round ORDER BY exchange_index, position",
            r => new Leg(new LegId(r.GetGuid(0)), new RoundId(r.GetGuid(1)), r.GetInt32(2), r.GetInt32(3), new TraderId(r.GetGuid(4)),
                new LotId(r.GetGuid(5)), new TraderId(r.GetGuid(6)), DbText.Parse<LegState>(r.GetString(7))),
            cancellationToken, ("round", Id(round.Value))), cancellationToken);

    /// <inheritdoc/>
    public Task<Result<TradeBookChange>> ApplyAsync(TradeBookChange change, string kind, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return WriteAsync(async (c, tx) =>
        {
            foreach (var leg in change.Legs)
            {
                int rows = await ExecuteAsync(c, tx, "UPDATE legs SET state = @state WHERE id = @id AND state = 'pending'",
                    cancellationToken, ("id", Id(leg.Id.Value)), ("state", DbText.Of(leg.State)));
                if (rows == 0) return Result.Fail<TradeBookChange>(ErrorCodes.ConcurrencyConflict, $"leg {leg.Id} is no longer pending");
            }
            var lots = new List<Lot>();
            foreach (var lot in change.Lots)
            {
                var written = await WriteLotAsync(c, tx, lot, "lot.updated", actor, cancellationToken);
                if (!written.IsOk) return Result.Fail<TradeBookChange>(written.Error);
                lots.Add(written.Value);
            }
            foreach (var entry in change.Entries)
            {
                try
                {
                    await InsertEntryAsync(c, tx, entry, cancellationToken);
                }
                catch (DbException e) when (IsUniqueViolation(e))
                {
                    return Result.Fail<TradeBookChange>(ErrorCodes.ConcurrencyConflict, $"{DbText.Of(entry.Kind)} {entry.Reference} is already posted");
                }
            }
            await AppendEventAsync(c, tx, actor, kind, change.Legs.FirstOrDefault()?.Id.ToString() ?? "",
                new
                {
                    legs = change.Legs.Select(l => new { id = l.Id.ToString(), state = DbText.Of(l.State) }),
                    entries = change.Entries.Select(EntryPayload),
                }, cancellationToken);
            return Result.Ok(new TradeBookChange([.. lots], change.Legs) { Entries = change.Entries });
        }, cancellationToken);
    }
}
