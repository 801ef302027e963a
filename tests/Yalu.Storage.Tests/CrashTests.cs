using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Xunit;
using Yalu.Market.Trading;

namespace Yalu.Storage.Tests;

/// <summary>
/// A child process writes lots, withdrawals and rounds with their legs to a SQLite store and
/// acknowledges each commit on stdout; it is killed with SIGKILL at a random moment, 100 times.
/// After each kill the store opens, the integrity check passes, every acknowledged write is there,
/// and the invariants hold. (SIGKILL leaves the page cache to the kernel, so this proves the
/// transaction boundaries, not the fsyncs; the fsyncs are <see cref="PowerCutTests"/>'s job.)
/// </summary>
public sealed class CrashTests
{
    private const int Kills = 100;

    [Fact]
    public async Task Every_acknowledged_write_survives_a_hundred_kills()
    {
        var ct = TestContext.Current.CancellationToken;
        string writer = WriterPath();
        string directory = Directory.CreateTempSubdirectory("yalu-crash-").FullName;
        string db = Path.Combine(directory, "yalu.db");
        var random = new Random(20261128);
        var lots = new HashSet<string>();
        var withdrawn = new HashSet<string>();
        var rounds = new List<string[]>();
        try
        {
            for (int kill = 0; kill < Kills; kill++)
            {
                var acknowledged = await RunAndKillAsync(writer, db, TimeSpan.FromMilliseconds(random.Next(20, 400)), ct);
                foreach (var line in acknowledged)
                {
                    var words = line.Split(' ');
                    switch (words[0])
                    {
                        case "lot": lots.Add(words[1]); break;
                        case "withdrawn": withdrawn.Add(words[1]); break;
                        case "round": rounds.Add(words); break;
                        default: Assert.Fail($"unexpected acknowledgement '{line}'"); break;
                    }
                }
                await VerifyAsync(db, lots, withdrawn, rounds, ct);
            }
            Assert.True(lots.Count > Kills, $"the writer acknowledged only {lots.Count} lots in {Kills} runs");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<string>> RunAndKillAsync(string writer, string db, TimeSpan after, CancellationToken ct)
    {
        var start = new ProcessStartInfo(writer, [db])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the crash writer");
        var lines = new List<string>();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                lock (lines) lines.Add(line);
            }
        }, ct);
        // Let it get going (start-up, migrations), then kill it mid-write.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            lock (lines)
            {
                if (lines.Count > 0) break;
            }
            if (process.HasExited) break;
            await Task.Delay(5, ct);
        }
        await Task.Delay(after, ct);
        if (process.HasExited)
        {
            string error = await process.StandardError.ReadToEndAsync(ct);
            Assert.Fail($"the crash writer stopped by itself (exit {process.ExitCode}): {error}");
        }
        process.Kill(entireProcessTree: true); // SIGKILL on Linux
        await process.WaitForExitAsync(ct);
        await reading;
        // A line cut by the kill has no newline and was never acknowledged: keep only whole ones.
        return [.. lines.Where(l => l.Split(' ') is [_, { Length: 36 }, ..])];
    }

    private static async Task VerifyAsync(string db, HashSet<string> lots, HashSet<string> withdrawn, List<string[]> rounds, CancellationToken ct)
    {
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(ct));
        }

        await using var store = await SqliteMarketStore.OpenAsync(db, TimeProvider.System, ct);
        var stored = (await store.ListLotsAsync(cancellationToken: ct)).ToDictionary(l => l.Id.ToString()!, l => l);
        foreach (string id in lots) Assert.True(stored.ContainsKey(id), $"acknowledged lot {id} is missing");
        foreach (string id in withdrawn) Assert.Equal(LotState.Withdrawn, stored[id].State);
        foreach (var round in rounds)
        {
            var legs = await store.ListLegsAsync(ParseRound(round[1]), ct);
            Assert.Equal(2, legs.Count);
            Assert.Equal(LotState.Matched, stored[round[2]].State);
            Assert.Equal(LotState.Matched, stored[round[3]].State);
        }
        // Invariants over everything stored, acknowledged or not: a lot in at most one pending leg,
        // and every pending leg's lot matched.
        var pending = new Dictionary<string, int>();
        foreach (var round in rounds)
        {
            foreach (var leg in await store.ListLegsAsync(ParseRound(round[1]), ct))
            {
                if (leg.State != LegState.Pending) continue;
                string lot = leg.Lot.ToString()!;
                pending[lot] = pending.GetValueOrDefault(lot) + 1;
                Assert.Equal(LotState.Matched, stored[lot].State);
            }
        }
        Assert.All(pending.Values, count => Assert.Equal(1, count));
    }

    private static RoundId ParseRound(string text) =>
        RoundId.TryParse(text, out var id) ? id : throw new FormatException($"not a round id: {text}");

    private static string WriterPath()
    {
        string here = AppContext.BaseDirectory;
        string path = Path.Combine(here.Replace("Yalu.Storage.Tests", "Yalu.CrashWriter", StringComparison.Ordinal), "Yalu.CrashWriter");
        Assert.True(File.Exists(path), $"the crash writer is not built at {path}");
        return path;
    }
}
