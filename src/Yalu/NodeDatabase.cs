using Yalu.Storage;
using Yalu.Web.Hosting;

namespace Yalu.Cli;

/// <summary>Opens the node's store for a command, or says on standard error why it cannot.</summary>
internal static class NodeDatabase
{
    /// <summary>The store <paramref name="db"/> names (a SQLite file or a PostgreSQL connection string), or null after one line on <paramref name="stderr"/>.</summary>
    public static async Task<SqlMarketStore?> OpenAsync(string db, TimeProvider clock, TextWriter stderr, CancellationToken cancellationToken, NodeSetup? node = null)
    {
        try
        {
            return await MarketStores.OpenAsync(db, clock, node ?? NodeSetup.FirstStart, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or System.Data.Common.DbException)
        {
            // A connection string may hold a password: only a file name is repeated.
            await stderr.WriteLineAsync($"yalu: cannot open the database {(MarketStores.IsPostgres(db) ? "(PostgreSQL)" : db)}: {e.Message}");
            return null;
        }
    }
}
