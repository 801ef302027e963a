namespace Yalu.Storage;

/// <summary>
/// Locks that hold across every node sharing the database (on PostgreSQL: advisory locks scoped to
/// the market's schema, each on a connection of its own, released by the server when that
/// connection ends, so a node that dies never holds one). On SQLite, whose file belongs to one node,
/// they hold across the store's users in this process. Implementations are thread-safe.
/// </summary>
public interface IMarketLocks
{
    /// <summary>
    /// Waits for the node start-up lock: one node at a time seeds a fresh market and creates the first
    /// data-protection key, so two nodes starting on one fresh database do not both do it.
    /// </summary>
    Task<StoreLock> LockStartupAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the market's clearing lock without waiting, or returns null when another holder has it.
    /// The holder is the one node that may schedule and clear a round; while it holds the lock, a
    /// round the store shows scheduled or running that is not its own was left by a node that died.
    /// </summary>
    Task<StoreLock?> TryLockClearingAsync(CancellationToken cancellationToken = default);
}
