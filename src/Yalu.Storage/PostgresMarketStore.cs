using System.Data.Common;
using Npgsql;

namespace Yalu.Storage;

/// <summary>
/// The store on PostgreSQL, for larger deployments where several nodes share one database: one
/// <see cref="NpgsqlDataSource"/> for the store's life. Every write transaction first takes a
/// transaction-scoped advisory lock, so writers are serialised and event-log sequence numbers
/// become visible in order (an identity column alone can commit out of order, and a sync reader
/// polling "after seq N" would then miss events). Thread-safe.
/// </summary>
public sealed class PostgresMarketStore : SqlMarketStore
{
    /// <summary>The advisory lock key all Yalu writers share ("YALU" in ASCII).</summary>
    public const long WriteLockKey = 0x59414C55;

    /// <summary>The advisory lock class of the node start-up lock ("YALS"); the second key is the market's schema.</summary>
    public const int StartupLockClass = 0x59414C53;

    /// <summary>The advisory lock class of the market's clearing lock ("YALR"); the second key is the market's schema.</summary>
    public const int ClearingLockClass = 0x59414C52;

    private static readonly IReadOnlyList<Migration> PostgresMigrations = Migration.For("Postgres");
    private readonly NpgsqlDataSource _dataSource;

    private PostgresMarketStore(NpgsqlDataSource dataSource, TimeProvider clock) : base(clock) => _dataSource = dataSource;

    /// <inheritdoc/>
    protected override IReadOnlyList<Migration> Migrations => PostgresMigrations;

    /// <inheritdoc/>
    protected override string SchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)";

    /// <summary>Connects with <paramref name="connectionString"/> (its Search Path chooses the schema) and applies pending migrations.</summary>
    public static Task<PostgresMarketStore> OpenAsync(string connectionString, TimeProvider clock, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, clock, NodeSetup.FirstStart, cancellationToken);

    /// <summary>
    /// Connects, applies pending migrations and loads the node's identity, making one as
    /// <paramref name="node"/> says when the database has none (its private keys kept in the database).
    /// </summary>
    public static async Task<PostgresMarketStore> OpenAsync(string connectionString, TimeProvider clock, NodeSetup node, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(node);
        var store = new PostgresMarketStore(NpgsqlDataSource.Create(connectionString), clock);
        try
        {
            await store.MigrateAsync(cancellationToken);
            await store.OpenNodeAsync(node, cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc/>
    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, tx, "SELECT pg_advisory_xact_lock(@key)", ("key", WriteLockKey));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return tx;
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public override async Task<StoreLock> LockStartupAsync(CancellationToken cancellationToken = default) =>
        await AdvisoryLockAsync(StartupLockClass, wait: true, cancellationToken) ?? throw new InvalidOperationException("PostgreSQL did not grant the start-up lock");

    /// <inheritdoc/>
    public override Task<StoreLock?> TryLockClearingAsync(CancellationToken cancellationToken = default) =>
        AdvisoryLockAsync(ClearingLockClass, wait: false, cancellationToken);

    /// <summary>
    /// A session advisory lock on a connection of its own, keyed by the lock class and the market's
    /// schema (so markets in other schemas of the database do not contend). The server releases it
    /// when the connection ends: a node that dies, or loses its connection, holds nothing.
    /// </summary>
    private async Task<StoreLock?> AdvisoryLockAsync(int lockClass, bool wait, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            // pg_advisory_lock returns void: the query yields true once it has the lock.
            await using var take = new NpgsqlCommand(
                wait ? "SELECT true FROM pg_advisory_lock(@class, hashtext(current_schema()))" : "SELECT pg_try_advisory_lock(@class, hashtext(current_schema()))",
                connection);
            take.Parameters.AddWithValue("class", lockClass);
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await connection.DisposeAsync();
                return null;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        // A connection that broke took the lock with it: letting go then has nothing to do, and must not throw.
        const string Unlock = "SELECT pg_advisory_unlock(@class, hashtext(current_schema()))";
        return new StoreLock(
            () =>
            {
                try
                {
                    using var unlock = new NpgsqlCommand(Unlock, connection);
                    unlock.Parameters.AddWithValue("class", lockClass);
                    unlock.ExecuteNonQuery();
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                }
                finally
                {
                    connection.Dispose();
                }
            },
            async () =>
            {
                try
                {
                    await using var unlock = new NpgsqlCommand(Unlock, connection);
                    unlock.Parameters.AddWithValue("class", lockClass);
                    await unlock.ExecuteNonQueryAsync(CancellationToken.None);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                }
                finally
                {
                    await connection.DisposeAsync();
                }
            });
    }

    /// <inheritdoc/>
    protected override string? KeyFilePath => null;

    /// <inheritdoc/>
    protected override object Id(Guid id) => id;

    /// <inheritdoc/>
    protected override string JsonParameter(string name) => $"CAST({name} AS jsonb)";

    /// <inheritdoc/>
    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
