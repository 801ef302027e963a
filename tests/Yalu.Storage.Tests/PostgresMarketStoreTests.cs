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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_schema is not null) await _schema.DisposeAsync();
    }
}
