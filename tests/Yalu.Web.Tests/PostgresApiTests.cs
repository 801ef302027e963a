using Npgsql;
using Xunit;
using Yalu.Storage;

namespace Yalu.Web.Tests;

/// <summary>
/// The API suite over PostgreSQL, in a fresh schema per test, when YALU_TEST_POSTGRES holds a
/// connection string. Skipped without it, except under CI (CI set), where a missing database fails.
/// </summary>
public sealed class PostgresApiTests : ApiContract
{
    private readonly string _schema = "yalu_api_" + Guid.NewGuid().ToString("N");
    private string? _connectionString;

    private static string? Server => Environment.GetEnvironmentVariable("YALU_TEST_POSTGRES");

    public override async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
                Assert.Fail("CI is set but YALU_TEST_POSTGRES is not: the PostgreSQL API tests must run in CI (see .ci/run)");
            Assert.Skip("PostgreSQL not configured: YALU_TEST_POSTGRES is not set (a connection string; .ci/run starts a throw-away server)");
        }
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await create.ExecuteNonQueryAsync(Ct);
        }
        _connectionString = new NpgsqlConnectionStringBuilder(Server) { SearchPath = _schema }.ToString();
        await base.InitializeAsync();
    }

    protected override async Task<SqlMarketStore> OpenStoreAsync(TimeProvider clock) =>
        await PostgresMarketStore.OpenAsync(_connectionString!, clock, Ct);

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
