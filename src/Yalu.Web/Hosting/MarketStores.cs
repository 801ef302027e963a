using Npgsql;
using Yalu.Storage;

namespace Yalu.Web.Hosting;

/// <summary>Opens the node's store from what <c>yalu serve --db</c> was given.</summary>
public static class MarketStores
{
    /// <summary>Whether <paramref name="db"/> is a PostgreSQL connection string ("Host=…" or a postgres:// URI) rather than a SQLite file.</summary>
    public static bool IsPostgres(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Opens the SQLite file or PostgreSQL database, applies pending migrations and loads the node's identity (made on a first start).</summary>
    public static Task<SqlMarketStore> OpenAsync(string db, TimeProvider clock, CancellationToken cancellationToken = default) =>
        OpenAsync(db, clock, NodeSetup.FirstStart, cancellationToken);

    /// <summary>Opens the store as the other overload does, making a new node as <paramref name="node"/> says.</summary>
    public static async Task<SqlMarketStore> OpenAsync(string db, TimeProvider clock, NodeSetup node, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (!IsPostgres(db)) return await SqliteMarketStore.OpenAsync(db, clock, node, cancellationToken);
        return await PostgresMarketStore.OpenAsync(db.Contains("://", StringComparison.Ordinal) ? FromUri(db) : db, clock, node, cancellationToken);
    }

    /// <summary>postgres://user:password@host:port/database → an Npgsql connection string (Npgsql takes only key=value).</summary>
    public static string FromUri(string uri)
    {
        var u = new Uri(uri);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = u.Host,
            Port = u.IsDefaultPort || u.Port < 0 ? 5432 : u.Port,
            Database = Uri.UnescapeDataString(u.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : null,
        };
        if (u.UserInfo.Length > 0)
        {
            var parts = u.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        return builder.ToString();
    }
}
