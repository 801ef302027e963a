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

    private static readonly IReadOnlyList<Migration> PostgresMigrations = Migration.For("Postgres");
    private readonly NpgsqlDataSource _dataSource;

    private PostgresMarketStore(NpgsqlDataSource dataSource, TimeProvider clock) : base(clock) => _dataSource = dataSource;

    /// <inheritdoc/>
    protected override IReadOnlyList<Migration> Migrations => PostgresMigrations;

    /// <inheritdoc/>
    protected override string SchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)";

    /// <summary>Connects with <paramref name="connectionString"/> (its Search Path chooses the schema) and applies pending migrations.</summary>
    public static async Task<PostgresMarketStore> OpenAsync(string connectionString, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var store = new PostgresMarketStore(NpgsqlDataSource.Create(connectionString), clock);
        try
        {
            await store.MigrateAsync(cancellationToken);
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
    protected override object Id(Guid id) => id;

    /// <inheritdoc/>
    protected override string JsonParameter(string name) => $"CAST({name} AS jsonb)";

    /// <inheritdoc/>
    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
