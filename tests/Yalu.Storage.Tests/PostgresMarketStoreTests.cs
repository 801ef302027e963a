using Npgsql;
using Xunit;
using Yalu.Testing;

namespace Yalu.Storage.Tests;

/// <summary>
/// The storage suite on PostgreSQL, in a fresh schema per test (search_path), when
/// YALU_TEST_POSTGRES holds a connection string. Skipped without it, except under CI (CI set),
/// where a missing database fails every test instead of passing silently.
/// </summary>
public sealed class PostgresMarketStoreTests : MarketStoreContract
{
    private PostgresTestSchema? _schema;

    public override async ValueTask InitializeAsync()
    {
        _schema = await PostgresTestSchema.CreateAsync("yalu_test_", TestContext.Current.CancellationToken);
        await base.InitializeAsync();
    }

    protected override async Task<IMarketStore> CreateStoreAsync(TimeProvider clock) =>
        await PostgresMarketStore.OpenAsync(_schema!.ConnectionString, clock, TestContext.Current.CancellationToken);

    protected override Task<IMarketStore> ReopenStoreAsync(TimeProvider clock) => CreateStoreAsync(clock);

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_schema!.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Nodes_opening_one_fresh_schema_at_once_all_come_up_and_apply_each_migration_once()
    {
        string fresh = _schema!.Schema + "_fresh";
        await ExecuteAsync($"CREATE SCHEMA {fresh}");
        try
        {
            string connectionString = new NpgsqlConnectionStringBuilder(_schema.Server) { SearchPath = fresh }.ToString();
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
        await using var other = await PostgresMarketStore.OpenAsync(_schema!.ConnectionString, Clock, TestContext.Current.CancellationToken);
        var held = await other.TryLockClearingAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(held);
        Assert.Null(await ((IMarketLocks)Store).TryLockClearingAsync(TestContext.Current.CancellationToken));

        // The holder's connection ends as it would when its node is killed.
        await ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
            $"AND classid = {PostgresMarketStore.ClearingLockClass} AND objid = hashtext('{_schema.Schema}')::oid AND objsubid = 2");
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

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_schema!.Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_schema is not null) await _schema.DisposeAsync();
    }
}
