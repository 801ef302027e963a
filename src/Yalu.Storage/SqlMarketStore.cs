using System.Data.Common;
using System.Text.Json;
using Yalu.Market.Trading;
using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>
/// The SQL shared by both providers: plain ADO.NET with named parameters (both drivers take
/// <c>@name</c>). A provider supplies connections, the write lock, id and JSON conversions, and its
/// migrations. Every write runs in one transaction with its event-log entry and commits only when
/// the whole operation succeeded.
/// </summary>
public abstract partial class SqlMarketStore : IMarketStore, IMarketLocks, INodeSync
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ReadCache _cache = new();

    /// <summary>Creates the shared part; <paramref name="clock"/> stamps events and credentials.</summary>
    protected SqlMarketStore(TimeProvider clock) => Clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>The injected clock.</summary>
    protected TimeProvider Clock { get; }

    /// <summary>The provider's migrations, in version order.</summary>
    protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Opens a connection with the provider's session settings applied.</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a write transaction and takes the store-wide write lock, so that event sequence numbers
    /// commit in order (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory transaction lock).
    /// </summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public abstract Task<StoreLock> LockStartupAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract Task<StoreLock?> TryLockClearingAsync(CancellationToken cancellationToken = default);

    /// <summary>A GUID as the provider's column takes it.</summary>
    protected abstract object Id(Guid id);

    /// <summary>The SQL expression for a JSON parameter (PostgreSQL casts to jsonb).</summary>
    protected abstract string JsonParameter(string name);

    /// <summary>Whether the exception is a unique-constraint violation.</summary>
    protected abstract bool IsUniqueViolation(DbException exception);

    /// <summary>SQL that creates schema_version when missing.</summary>
    protected virtual string SchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <summary>
    /// Applies the migrations the database has not seen, each in its own transaction, in order. Every
    /// step, the very first <c>CREATE TABLE schema_version</c> included, runs under the writers' lock,
    /// so nodes starting at once on one fresh database apply each step once and all come up
    /// (PostgreSQL's <c>CREATE TABLE IF NOT EXISTS</c> is not safe against a concurrent twin: both
    /// see no table and the second fails on the catalog's unique index).
    /// </summary>
    protected async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var createTx = await BeginWriteAsync(connection, cancellationToken))
        {
            await using (var create = Command(connection, createTx, SchemaVersionTable))
                await create.ExecuteNonQueryAsync(cancellationToken);
            await createTx.CommitAsync(cancellationToken);
        }
        foreach (var migration in Migrations)
        {
            await using var tx = await BeginWriteAsync(connection, cancellationToken);
            await using var check = Command(connection, tx, "SELECT COUNT(*) FROM schema_version WHERE version = @v", ("v", migration.Version));
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0) continue;
            await using (var apply = Command(connection, tx, migration.Sql))
                await apply.ExecuteNonQueryAsync(cancellationToken);
            await using (var record = Command(connection, tx, "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @at)",
                ("v", migration.Version), ("n", migration.Name), ("at", Clock.GetUtcNow().ToString("O"))))
                await record.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();

    /// <summary>A command with named parameters (null becomes DBNull).</summary>
    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is this assembly's own; values always go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction; commits only when it succeeds.</summary>
    private async Task<Result<T>> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        var result = await work(connection, tx);
        if (result.IsOk)
        {
            await tx.CommitAsync(cancellationToken);
            // The request that wrote reads its own write.
            ReadScope.Current?.Forget();
        }
        else await tx.RollbackAsync(cancellationToken);
        return result;
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>
    /// A read of market data that every request repeats (the catalog, traders, lots, rates), served
    /// from <see cref="ReadCache"/> while the event log's highest <c>seq</c> is unchanged: one
    /// primary-key lookup instead of the query and the mapping of every row. The result must be
    /// immutable, since every caller gets the same instance.
    /// </summary>
    private async Task<T> CachedReadAsync<T>(string key, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) where T : class
    {
        var scope = ReadScope.Current;
        if (scope?.Seq is { } seen && _cache.TryGet(seen, key, out T? known)) return known!;
        await using var connection = await OpenConnectionAsync(cancellationToken);
        long before = await LastSeqAsync(connection, cancellationToken);
        scope?.Saw(before);
        if (_cache.TryGet(before, key, out T? kept)) return kept!;
        var value = await work(connection);
        if (await LastSeqAsync(connection, cancellationToken) == before) _cache.Put(before, key, value);
        return value;
    }

    /// <inheritdoc/>
    public async Task<long> LastEventSeqAsync(CancellationToken cancellationToken = default)
    {
        long seq = await ReadAsync(c => LastSeqAsync(c, cancellationToken), cancellationToken);
        ReadScope.Current?.Saw(seq);
        return seq;
    }

    /// <inheritdoc/>
    public IDisposable BeginReadScope() => ReadScope.Begin();

    private static async Task<long> LastSeqAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM event_log");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        QueryAsync(connection, null, sql, map, cancellationToken, parameters);

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? tx, string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(map(reader));
        return list;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// Appends this node's next signed event in the write transaction <paramref name="tx"/>: the JSON
    /// view for local readers, and the event signed over <paramref name="canonical"/> (its node, its
    /// next own sequence number, the hash of its previous own event). The caller holds the write
    /// lock, so the chain cannot fork.
    /// </summary>
    private async Task AppendEventAsync(DbConnection connection, DbTransaction tx, TraderId? actor, string kind, string subject, object payload, byte[] canonical, CancellationToken cancellationToken)
    {
        var at = Clock.GetUtcNow();
        var (seq, prev) = await LastOwnEventAsync(connection, tx, cancellationToken);
        var signed = SignedEvent.Create(Identity, seq + 1, prev, at, kind, subject, canonical);
        await ExecuteAsync(connection, tx,
            $"INSERT INTO event_log (at, actor, kind, subject, payload, node, node_seq, hash, signed) VALUES (@at, @actor, @kind, @subject, {JsonParameter("@payload")}, @node, @nodeSeq, @hash, @signed)",
            cancellationToken,
            ("at", (object?)at), ("actor", actor?.ToString() ?? "node"), ("kind", kind), ("subject", subject),
            ("payload", JsonSerializer.Serialize(payload, Json)), ("node", NodeIdText), ("nodeSeq", seq + 1), ("hash", signed.Hash()), ("signed", signed.Encode()));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterSeq, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return ReadAsync<IReadOnlyList<StoredEvent>>(async c => await QueryAsync(c,
            "SELECT seq, at, actor, kind, subject, payload FROM event_log WHERE seq > @after ORDER BY seq LIMIT @max",
            r => new StoredEvent(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<string>(5)),
            cancellationToken, ("after", afterSeq), ("max", max)), cancellationToken);
    }
}
