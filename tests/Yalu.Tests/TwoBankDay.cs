using System.Text;
using Microsoft.Data.Sqlite;
using Xunit;
using Yalu.Storage;

namespace Yalu.Tests;

/// <summary>
/// Two nodes in one temporary folder, driven through the <c>yalu</c> command line in process: A on
/// the Hyesan bank, B on the Changbai bank, each with its bank's demo market, cards exchanged and
/// trusted. Bundles are files in the folder, as on a USB stick.
/// </summary>
internal sealed class TwoBankDay : IDisposable
{
    private int _bundles;

    public TwoBankDay()
    {
        Folder = Directory.CreateTempSubdirectory("yalu-two-banks-").FullName;
        A = Path.Combine(Folder, "hyesan.db");
        B = Path.Combine(Folder, "changbai.db");
        Ok(["node", "init", "--db", A, "--side", "hyesan", "--demo"]);
        Ok(["node", "init", "--db", B, "--side", "changbai", "--demo"]);
        Ok(["node", "key", "--db", A, "--out", Path.Combine(Folder, "hyesan.card")]);
        Ok(["node", "key", "--db", B, "--out", Path.Combine(Folder, "changbai.card")]);
        Ok(["node", "trust", "--db", A, Path.Combine(Folder, "changbai.card"), "--yes"]);
        Ok(["node", "trust", "--db", B, Path.Combine(Folder, "hyesan.card"), "--yes"]);
    }

    public string Folder { get; }

    /// <summary>Node A's database (hyesan).</summary>
    public string A { get; }

    /// <summary>Node B's database (changbai).</summary>
    public string B { get; }

    /// <summary>The peer name of the other node, as its card names it.</summary>
    public static string PeerOf(string db) => db.EndsWith("hyesan.db", StringComparison.Ordinal) ? "changbai" : "hyesan";

    /// <summary>Runs yalu and insists on exit code 0.</summary>
    public static CliOutcome Ok(string[] args, string? stdin = null)
    {
        var run = CliRun.Run(args, stdin);
        Assert.True(run.Code == 0, $"yalu {string.Join(' ', args)} exited {run.Code}: {run.Stderr}{run.Stdout}");
        return run;
    }

    /// <summary>Exports from <paramref name="from"/> for the other node into a new file; returns its path.</summary>
    public string Export(string from)
    {
        string file = Path.Combine(Folder, $"bundle-{++_bundles}.yalu");
        Ok(["export", "--db", from, "--to", PeerOf(from), "--out", file]);
        return file;
    }

    /// <summary>Exports from <paramref name="from"/> and imports into the other node; returns the import's output.</summary>
    public CliOutcome Carry(string from)
    {
        string file = Export(from);
        return Ok(["import", "--db", from == A ? B : A, file]);
    }

    /// <summary>Opens a node's store in process (the command line must not be running on it).</summary>
    public static Task<SqliteMarketStore> OpenAsync(string db) => SqliteMarketStore.OpenAsync(db, TimeProvider.System, TestContext.Current.CancellationToken);

    /// <summary>Every row of every table, in a stable order: two dumps are equal exactly when the database did not change.</summary>
    public static string Dump(string db)
    {
        var text = new StringBuilder();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (string table in tables)
        {
            text.Append("== ").Append(table).Append('\n');
            using var select = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from sqlite_master.
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
#pragma warning restore CA2100
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    object value = reader.GetValue(i);
                    text.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
