using Xunit;
using Yalu.Testing;

namespace Yalu.Storage.Tests;

/// <summary>The storage suite on a fresh SQLite file per test, plus SQLite's durability settings.</summary>
public sealed class SqliteMarketStoreTests : MarketStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yalu-store-").FullName;

    private string Path => System.IO.Path.Combine(_directory, "yalu.db");

    protected override async Task<IMarketStore> CreateStoreAsync(TimeProvider clock) =>
        await SqliteMarketStore.OpenAsync(Path, clock, TestContext.Current.CancellationToken);

    protected override Task<IMarketStore> ReopenStoreAsync(TimeProvider clock) => CreateStoreAsync(clock);

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_with_full_sync_foreign_keys_and_a_busy_timeout()
    {
        var store = (SqliteMarketStore)Store;
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("wal", await store.PragmaAsync("journal_mode", ct));
        Assert.Equal("2", await store.PragmaAsync("synchronous", ct));
        Assert.Equal("1", await store.PragmaAsync("foreign_keys", ct));
        Assert.Equal(SqliteMarketStore.BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), await store.PragmaAsync("busy_timeout", ct));
        Assert.Equal("ok", await store.PragmaAsync("integrity_check", ct));
        Assert.Equal("normal", await store.PragmaAsync("locking_mode", ct));
    }

    [Fact]
    public async Task Harness_options_set_exclusive_locking_and_a_weaker_sync_only_when_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        string path = System.IO.Path.Combine(_directory, "harness.db");
        await using var store = await SqliteMarketStore.OpenAsync(path, new TestClock(),
            new SqliteStoreOptions { ExclusiveLocking = true, Synchronous = SqliteSynchronous.Off }, ct);
        Assert.Equal("exclusive", await store.PragmaAsync("locking_mode", ct));
        Assert.Equal("0", await store.PragmaAsync("synchronous", ct));
        Assert.Equal("wal", await store.PragmaAsync("journal_mode", ct));
        Assert.False(File.Exists(path + "-shm"), "in exclusive locking mode WAL keeps its index in heap memory, not in a -shm file");
        Assert.Equal(SqliteSynchronous.Full, SqliteStoreOptions.Default.Synchronous);
        Assert.False(SqliteStoreOptions.Default.ExclusiveLocking);
        Assert.Throws<ArgumentException>(() => new SqliteStoreOptions { Synchronous = (SqliteSynchronous)7 }.Validate());
    }
}
