using Yalu.Storage;
using Yalu.Testing;

namespace Yalu.Web.Tests;

/// <summary>
/// The API suite over PostgreSQL, in a fresh schema per test, when YALU_TEST_POSTGRES holds a
/// connection string. Skipped without it, except under CI (CI set), where a missing database fails.
/// </summary>
public sealed class PostgresApiTests : ApiContract
{
    private PostgresTestSchema? _schema;

    public override async ValueTask InitializeAsync()
    {
        _schema = await PostgresTestSchema.CreateAsync("yalu_api_", Ct);
        await base.InitializeAsync();
    }

    protected override async Task<SqlMarketStore> OpenStoreAsync(TimeProvider clock) =>
        await PostgresMarketStore.OpenAsync(_schema!.ConnectionString, clock, Ct);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_schema is not null) await _schema.DisposeAsync();
    }
}
