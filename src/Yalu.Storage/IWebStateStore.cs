using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>
/// The web side's node-local state, kept beside the market in the same database: login sessions
/// (only a token's hash), idempotency records (the first response to a write, for retries) and the
/// realised legs the price board reads. None of it is a market fact, so none of it goes to the event
/// log. Implementations are thread-safe.
/// </summary>
public interface IWebStateStore
{
    /// <summary>Records a session by the hash of its token, valid until <paramref name="expiresAt"/>.</summary>
    Task AddSessionAsync(string tokenHash, TraderId trader, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The session with this token hash, or null (expired sessions are returned; the caller checks the time).</summary>
    Task<StoredSession?> FindSessionAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Deletes the session; false when there was none.</summary>
    Task<bool> RevokeSessionAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The response recorded under <paramref name="keyHash"/>, or null.</summary>
    Task<IdempotentResponse?> FindIdempotentResponseAsync(string keyHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the first response under <paramref name="keyHash"/> (a second record for the same hash
    /// is ignored: the first wins) and deletes records created before <paramref name="purgeBefore"/>.
    /// </summary>
    Task SaveIdempotentResponseAsync(string keyHash, IdempotentResponse response, DateTimeOffset purgeBefore, CancellationToken cancellationToken = default);

    /// <summary>Confirmed legs of rounds finished at or after <paramref name="since"/>: the good and value of each lot handed over.</summary>
    Task<IReadOnlyList<RealisedLeg>> ListRealisedLegsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
