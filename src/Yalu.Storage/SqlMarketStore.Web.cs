using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>Sessions, idempotency records and realised legs (<see cref="IWebStateStore"/>); no events.</summary>
public abstract partial class SqlMarketStore : IWebStateStore
{
    /// <inheritdoc/>
    public Task AddSessionAsync(string tokenHash, TraderId trader, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        return WriteAsync(async (c, tx) =>
        {
            await ExecuteAsync(c, tx, "INSERT INTO sessions (token_hash, trader_id, created_at, expires_at) VALUES (@hash, @trader, @at, @expires)",
                cancellationToken, ("hash", tokenHash), ("trader", Id(trader.Value)), ("at", Clock.GetUtcNow()), ("expires", expiresAt.ToUniversalTime()));
            // Expired sessions of this trader are of no use to anyone: drop them on the way.
            await ExecuteAsync(c, tx, "DELETE FROM sessions WHERE trader_id = @trader AND expires_at < @now",
                cancellationToken, ("trader", Id(trader.Value)), ("now", Clock.GetUtcNow()));
            return Result.Ok(true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<StoredSession?> FindSessionAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return ReadAsync(async c => (await QueryAsync(c, "SELECT trader_id, expires_at FROM sessions WHERE token_hash = @hash",
            r => new StoredSession(new TraderId(r.GetGuid(0)), r.GetFieldValue<DateTimeOffset>(1)), cancellationToken, ("hash", tokenHash))).SingleOrDefault(),
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<bool> RevokeSessionAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        var result = await WriteAsync(async (c, tx) =>
            Result.Ok(await ExecuteAsync(c, tx, "DELETE FROM sessions WHERE token_hash = @hash", cancellationToken, ("hash", tokenHash)) > 0),
            cancellationToken);
        return result.Value;
    }

    /// <inheritdoc/>
    public Task<IdempotentResponse?> FindIdempotentResponseAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyHash);
        return ReadAsync(async c => (await QueryAsync(c, "SELECT fingerprint, status, content_type, location, body, created_at FROM idempotency_keys WHERE key_hash = @hash",
            r => new IdempotentResponse(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetFieldValue<byte[]>(4), r.GetFieldValue<DateTimeOffset>(5)),
            cancellationToken, ("hash", keyHash))).SingleOrDefault(), cancellationToken);
    }

    /// <inheritdoc/>
    public Task SaveIdempotentResponseAsync(string keyHash, IdempotentResponse response, DateTimeOffset purgeBefore, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyHash);
        ArgumentNullException.ThrowIfNull(response);
        return WriteAsync(async (c, tx) =>
        {
            await ExecuteAsync(c, tx, "DELETE FROM idempotency_keys WHERE created_at < @cutoff", cancellationToken, ("cutoff", purgeBefore.ToUniversalTime()));
            await using var exists = Command(c, tx, "SELECT COUNT(*) FROM idempotency_keys WHERE key_hash = @hash", ("hash", keyHash));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                return Result.Ok(false);
            await ExecuteAsync(c, tx,
                "INSERT INTO idempotency_keys (key_hash, fingerprint, status, content_type, location, body, created_at) VALUES (@hash, @fingerprint, @status, @type, @location, @body, @at)",
                cancellationToken, ("hash", keyHash), ("fingerprint", response.Fingerprint), ("status", response.Status), ("type", response.ContentType), ("location", response.Location),
                ("body", response.Body.ToArray()), ("at", response.CreatedAt.ToUniversalTime()));
            return Result.Ok(true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RealisedLeg>> ListRealisedLegsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<RealisedLeg>>(async c => await QueryAsync(c,
            "SELECT l.good_id, l.value, l.quantity, l.unit, r.finished_at FROM legs g JOIN lots l ON l.id = g.lot_id JOIN rounds r ON r.id = g.round_id " +
            "WHERE g.state = 'confirmed' AND r.finished_at IS NOT NULL AND r.finished_at >= @since ORDER BY r.finished_at",
            r => new RealisedLeg(GoodId.Parse(r.GetString(0)), new Money(r.GetInt64(1)),
                Quantity.Create(r.GetDecimal(2), UnitCode.Parse(r.GetString(3))).Value, r.GetFieldValue<DateTimeOffset>(4)),
            cancellationToken, ("since", since.ToUniversalTime())), cancellationToken);
}
