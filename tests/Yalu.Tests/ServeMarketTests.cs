using Xunit;
using Yalu.Cli;
using Yalu.Storage;

namespace Yalu.Tests;

/// <summary>
/// <c>yalu serve --market</c> names only the side a fresh database's node is made with: the node's
/// market is its stored side, and a start that names the other side is refused rather than served.
/// </summary>
public sealed class ServeMarketTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"yalu-serve-market-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm", SqliteMarketStore.KeyFileFor(_db) }) File.Delete(file);
    }

    [Fact]
    public async Task A_fresh_database_served_with_market_changbai_is_a_changbai_node_and_later_starts_keep_it()
    {
        var first = await ServeUntilUpAsync("changbai");
        Assert.Equal(0, first.Code);
        Assert.Contains("yalu: node yalu (changbai)", first.Stdout, StringComparison.Ordinal);

        // The bulletin, with no option, is of the node's stored side.
        var bulletin = CliRun.Run(["bulletin", "--db", _db]);
        Assert.Equal(0, bulletin.Code);
        Assert.StartsWith("YALU CHANGBAI ", bulletin.Stdout, StringComparison.Ordinal);

        // Without --market, and with the same side, the node starts again as it is.
        Assert.Contains("yalu: node yalu (changbai)", (await ServeUntilUpAsync(null)).Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await ServeUntilUpAsync("changbai")).Code);
    }

    [Fact]
    public async Task Serving_a_changbai_node_with_market_hyesan_is_refused_and_changes_nothing()
    {
        Assert.Equal(0, CliRun.Run(["node", "init", "--db", _db, "--side", "changbai"]).Code);
        var before = await File.ReadAllBytesAsync(SqliteMarketStore.KeyFileFor(_db), Ct);

        var refused = await ServeUntilUpAsync("hyesan");
        Assert.Equal(2, refused.Code);
        Assert.Contains("--market hyesan, but this database's node changbai is changbai", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("yalu: serving", refused.Stdout, StringComparison.Ordinal);

        Assert.Equal(before, await File.ReadAllBytesAsync(SqliteMarketStore.KeyFileFor(_db), Ct));
        await using var store = await SqliteMarketStore.OpenAsync(_db, TimeProvider.System, Ct);
        Assert.Equal("changbai", store.Card.Side);
    }

    [Fact]
    public void A_market_that_is_no_bank_is_a_usage_error_and_opens_no_database()
    {
        var wrong = CliRun.Run(["serve", "--db", _db, "--market", "seoul"]);
        Assert.Equal(2, wrong.Code);
        Assert.Contains("--market is hyesan or changbai", wrong.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_db));
    }

    /// <summary>Runs <c>yalu serve</c> on a free port until it says it serves (then stops it), or until it returns by itself.</summary>
    private async Task<CliOutcome> ServeUntilUpAsync(string? market)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var stdout = new WatchedWriter("yalu: serving ");
        var stderr = new StringWriter();
        var run = ServeCommand.RunAsync("http://127.0.0.1:0", _db, demo: false, market, stdout, stderr, stop.Token);
        var first = await Task.WhenAny(run, stdout.Seen.Task).WaitAsync(TimeSpan.FromSeconds(90), Ct);
        if (first != run) await stop.CancelAsync();
        int code = await run.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString(), false);
    }

    /// <summary>A writer that says when a line starting with a given text was written.</summary>
    private sealed class WatchedWriter(string watched) : StringWriter
    {
        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(watched, StringComparison.Ordinal) == true) Seen.TrySetResult();
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }
}
