namespace Yalu.Storage;

/// <summary>
/// Settings of <see cref="SqliteMarketStore"/> that only a durability harness changes. The node
/// always opens its store with <see cref="Default"/>; the power-cut harness (bench/powercut) uses
/// <see cref="ExclusiveLocking"/> because its filesystem cannot share WAL's memory-mapped index,
/// and weaker <see cref="Synchronous"/> levels to prove that it notices lost writes.
/// Immutable and thread-safe.
/// </summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The production settings: <c>synchronous=FULL</c>, normal (shared) locking.</summary>
    public static SqliteStoreOptions Default { get; } = new();

    /// <summary>
    /// <c>PRAGMA synchronous</c> on every connection. Default <see cref="SqliteSynchronous.Full"/>;
    /// anything lower loses acknowledged writes on a power cut and exists only for the harness.
    /// </summary>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>
    /// <c>PRAGMA locking_mode=EXCLUSIVE</c> on every connection, so WAL keeps its index in heap
    /// memory instead of a shared-memory file (needed under a FUSE filesystem). One connection then
    /// holds the file: only for single-threaded harness drivers. Default false.
    /// </summary>
    public bool ExclusiveLocking { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Synchronous))
            throw new ArgumentException($"{nameof(Synchronous)} is not a SQLite synchronous level: {(int)Synchronous}", nameof(Synchronous));
    }
}
