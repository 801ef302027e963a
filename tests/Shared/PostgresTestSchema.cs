using Npgsql;
using Xunit;

namespace Yalu.Testing;

/// <summary>
/// The tests' one PostgreSQL fixture: a fresh schema on the server that <c>YALU_TEST_POSTGRES</c>
/// names, dropped on dispose. Without that variable a test skips with one line saying so, except under
/// CI (<c>CI</c> set), where it fails: CI starts a server (.ci/run), so a missing one is a fault.
/// </summary>
public sealed class PostgresTestSchema : IAsyncDisposable
{
    private PostgresTestSchema(string server, string schema)
    {
        Server = server;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    /// <summary>The server's connection string, as <c>YALU_TEST_POSTGRES</c> gives it.</summary>
    public string Server { get; }

    /// <summary>The schema's name.</summary>
    public string Schema { get; }

    /// <summary>A connection string whose search path is the schema.</summary>
    public string ConnectionString { get; }

    /// <summary>The server from <c>YALU_TEST_POSTGRES</c>; skips the test without it (fails under CI).</summary>
    public static string RequireServer()
    {
        string? server = Environment.GetEnvironmentVariable("YALU_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(server)) return server;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Assert.Fail("CI is set but YALU_TEST_POSTGRES is not: the PostgreSQL tests must run in CI (see .ci/run)");
        Assert.Skip("PostgreSQL not configured: YALU_TEST_POSTGRES is not set (a connection string; .ci/run starts a throw-away server)");
        throw new InvalidOperationException("unreachable: Assert.Skip throws");
    }

    /// <summary>Creates a schema named <paramref name="prefix"/> and a fresh GUID.</summary>
    public static async Task<PostgresTestSchema> CreateAsync(string prefix, CancellationToken cancellationToken)
    {
        string server = RequireServer();
        var fixture = new PostgresTestSchema(server, prefix + Guid.NewGuid().ToString("N"));
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE SCHEMA {fixture.Schema}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return fixture;
    }

    /// <summary>Drops the schema and everything in it.</summary>
    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
