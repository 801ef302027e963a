using Npgsql;
using Xunit;

namespace Yalu.Storage.Tests;

/// <summary>
/// The storage suite on PostgreSQL, in a fresh schema per test (search_path), when
/// YALU_TEST_POSTGRES holds a connection string. Skipped without it, except under CI (CI set),
/// where a missing database fails every test instead of passing silently.
/// </summary>
public sealed class PostgresMarketStoreTests : MarketStoreContract
{
    private readonly string _schema = "yalu_test_" + Guid.NewGuid().ToString("N");
    private string? _connectionString;

    private static string? Server => Environment.GetEnvironmentVariable("YALU_TEST_POSTGRES");

    public override async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
                Assert.Fail("CI is set but YALU_TEST_POSTGRES is not: the PostgreSQL storage tests must run in CI (see .ci/run)");
            Assert.Skip("YALU_TEST_POSTGRES is not set");
        }
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        _connectionString = new NpgsqlConnectionStringBuilder(Server) { SearchPath = _schema }.ToString();
        await base.InitializeAsync();
    }

    protected override async Task<IMarketStore> CreateStoreAsync(TimeProvider clock) =>
        await PostgresMarketStore.OpenAsync(_connectionString!, clock, TestContext.Current.CancellationToken);

    protected override Task<IMarketStore> ReopenStoreAsync(TimeProvider clock) => CreateStoreAsync(clock);

    [Fact]
    public async Task Nodes_opening_one_fresh_schema_at_once_all_come_up_and_apply_each_migration_once()
    {
        string fresh = _schema + "_fresh";
        await ExecuteAsync($"CREATE SCHEMA {fresh}");
        try
        {
            string connectionString = new NpgsqlConnectionStringBuilder(Server) { SearchPath = fresh }.ToString();
            var opening = Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresMarketStore.OpenAsync(connectionString, Clock, TestContext.Current.CancellationToken))).ToList();
            var stores = await Task.WhenAll(opening);
            int latest = Migration.For("Postgres").Max(m => m.Version);
            foreach (var store in stores)
            {
                Assert.Equal(latest, await store.SchemaVersionAsync(TestContext.Current.CancellationToken));
                await store.DisposeAsync();
            }
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM schema_version", connection);
            Assert.Equal((long)latest, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        finally
        {
            await ExecuteAsync($"DROP SCHEMA {fresh} CASCADE");
        }
    }

    [Fact]
    public async Task The_clearing_lock_of_a_node_that_dies_is_released_by_the_server()
    {
        await using var other = await PostgresMarketStore.OpenAsync(_connectionString!, Clock, TestContext.Current.CancellationToken);
        var held = await other.TryLockClearingAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(held);
        Assert.Null(await ((IMarketLocks)Store).TryLockClearingAsync(TestContext.Current.CancellationToken));

        // The holder's connection ends as it would when its node is killed.
        await ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
            $"AND classid = {PostgresMarketStore.ClearingLockClass} AND objid = hashtext('{_schema}')::oid AND objsubid = 2");
        StoreLock? taken = null;
        for (int attempt = 0; attempt < 50 && taken is null; attempt++)
        {
            taken = await ((IMarketLocks)Store).TryLockClearingAsync(TestContext.Current.CancellationToken);
            if (taken is null) await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(taken);
        await taken.DisposeAsync();
        held.Dispose(); // its connection is gone, and the lock with it: letting go is quiet
        await using var again = await ((IMarketLocks)Store).TryLockClearingAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(again);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is null) return;
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
