using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Yalu.Storage;

/// <summary>
/// The default store: one SQLite file in WAL mode with <c>synchronous=FULL</c> (in WAL mode,
/// NORMAL can lose committed transactions on power loss; FULL fsyncs the log at every commit),
/// foreign keys on and a busy timeout. Writers take the file's write lock up front
/// (<c>BEGIN IMMEDIATE</c>), so writes are serialised and event sequence numbers are in commit order.
/// Thread-safe; connections are pooled. docs/storage.md has the schema and the reasons. Only the
/// power-cut harness opens it with other <see cref="SqliteStoreOptions"/> (exclusive locking, a
/// weaker synchronous level); the node always uses the defaults.
/// </summary>
public sealed class SqliteMarketStore : SqlMarketStore
{
    /// <summary>How long a connection waits for another writer before failing with SQLITE_BUSY.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    private static readonly IReadOnlyList<Migration> SqliteMigrations = Migration.For("Sqlite");

    /// <summary>The database handles whose per-connection settings are applied (weak keys: a closed handle drops out).</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private readonly string _connectionString;
    private readonly SemaphoreSlim _startup = new(1, 1);
    private readonly SemaphoreSlim _clearing = new(1, 1);
    private readonly string _sessionPragmas;

    private readonly string _keyFile;

    private SqliteMarketStore(string connectionString, string path, TimeProvider clock, SqliteStoreOptions options) : base(clock)
    {
        _connectionString = connectionString;
        _keyFile = KeyFileFor(path);
        // locking_mode must come first: it decides, at the first read, whether WAL's index is shared memory or heap.
        _sessionPragmas = (options.ExclusiveLocking ? "PRAGMA locking_mode=EXCLUSIVE; " : "")
            + $"PRAGMA foreign_keys=ON; PRAGMA synchronous={(int)options.Synchronous}; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<Migration> Migrations => SqliteMigrations;

    /// <summary>
    /// Opens (creating when missing) the database file at <paramref name="path"/>, switches it to WAL,
    /// applies pending migrations and loads the node's identity (made on a first start:
    /// <see cref="NodeSetup.FirstStart"/>; its private keys in <see cref="KeyFileFor"/>).
    /// </summary>
    public static Task<SqliteMarketStore> OpenAsync(string path, TimeProvider clock, CancellationToken cancellationToken = default) =>
        OpenAsync(path, clock, SqliteStoreOptions.Default, NodeSetup.FirstStart, cancellationToken);

    /// <summary>Opens the store as <see cref="OpenAsync(string, TimeProvider, CancellationToken)"/>, making a new node as <paramref name="node"/> says.</summary>
    public static Task<SqliteMarketStore> OpenAsync(string path, TimeProvider clock, NodeSetup node, CancellationToken cancellationToken = default) =>
        OpenAsync(path, clock, SqliteStoreOptions.Default, node, cancellationToken);

    /// <summary>The node's private key file for the database at <paramref name="path"/>: beside it, named <c>DB.node-key</c>, mode 0600.</summary>
    public static string KeyFileFor(string path) => path + ".node-key";

    /// <inheritdoc/>
    protected override string? KeyFilePath => _keyFile;

    /// <summary>Opens the store with harness settings and a first start's identity.</summary>
    public static Task<SqliteMarketStore> OpenAsync(string path, TimeProvider clock, SqliteStoreOptions options, CancellationToken cancellationToken = default) =>
        OpenAsync(path, clock, options, NodeSetup.FirstStart, cancellationToken);

    /// <summary>
    /// Opens the store with harness settings (<see cref="SqliteStoreOptions"/>); the node uses the
    /// overload without options, which is <see cref="SqliteStoreOptions.Default"/>.
    /// </summary>
    public static async Task<SqliteMarketStore> OpenAsync(string path, TimeProvider clock, SqliteStoreOptions options, NodeSetup node, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(node);
        options.Validate();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Not ForeignKeys = true: that runs a PRAGMA on every open; OpenConnectionAsync sets it once per handle.
            DefaultTimeout = 30,
        }.ToString();
        var store = new SqliteMarketStore(connectionString, path, clock, options);
        try
        {
            await using (var connection = await store.OpenConnectionAsync(cancellationToken))
            await using (var wal = Command(connection, null, "PRAGMA journal_mode=WAL"))
            {
                // journal_mode is stored in the file; it cannot change inside a transaction, so it is set here once.
                var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"SQLite refused WAL mode for {path} (got '{mode}')");
            }
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

    /// <summary>Reads a PRAGMA on a store connection (e.g. "synchronous" gives 2 for FULL), for checks and tests.</summary>
    public async Task<string> PragmaAsync(string name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterLower(c) || c == '_'))
            throw new ArgumentException("a pragma name is lower-case letters and '_'", nameof(name));
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "PRAGMA " + name);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <inheritdoc/>
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per-connection settings, applied once to each database handle: they stay with the handle
            // while the pool keeps it (nothing in the store changes them), and a handle the pool opens
            // anew is a new object, so it gets them too. Running them on every open cost three
            // statements per read (bench/results/load.md).
            var handle = connection.Handle!;
            if (!Configured.TryGetValue(handle, out _))
            {
                await using var command = Command(connection, null, _sessionPragmas);
                await command.ExecuteNonQueryAsync(cancellationToken);
                Configured.AddOrUpdate(handle, "applied");
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    /// <inheritdoc/>
    /// <remarks>A SQLite file belongs to one node: the lock holds among this store's users in this process.</remarks>
    public override async Task<StoreLock> LockStartupAsync(CancellationToken cancellationToken = default)
    {
        await _startup.WaitAsync(cancellationToken);
        return Held(_startup);
    }

    /// <inheritdoc/>
    /// <remarks>A SQLite file belongs to one node: the lock holds among this store's users in this process.</remarks>
    public override async Task<StoreLock?> TryLockClearingAsync(CancellationToken cancellationToken = default) =>
        await _clearing.WaitAsync(0, cancellationToken) ? Held(_clearing) : null;

    private static StoreLock Held(SemaphoreSlim semaphore) => new(() => semaphore.Release(), () =>
    {
        semaphore.Release();
        return ValueTask.CompletedTask;
    });

    /// <inheritdoc/>
    protected override object Id(Guid id) => id.ToString("D");

    /// <inheritdoc/>
    protected override string JsonParameter(string name) => name;

    /// <inheritdoc/>
    protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        // Release the pooled handles so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
