using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit;
using Yalu.Testing;

namespace Yalu.Tests;

/// <summary>
/// Two real <c>yalu serve</c> processes on one fresh PostgreSQL database (docs/storage.md, "Several
/// nodes"): both come up, a form and a session issued by one are accepted by the other, two round
/// starts at once run exactly one round, and a round left running by a node that dies does not block.
/// Runs when YALU_TEST_POSTGRES holds a connection string; skipped without it, except under CI (CI
/// set), where a missing database fails.
/// </summary>
public sealed partial class TwoNodeTests : IAsyncLifetime
{
    private readonly string _database = "yalu_two_nodes_" + Guid.NewGuid().ToString("N");
    private readonly List<Process> _nodes = [];
    private string? _connectionString;
    private string? _server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = PostgresTestSchema.RequireServer();
        await ExecuteAsync(_server, $"CREATE DATABASE {_database}");
        var server = new NpgsqlConnectionStringBuilder(_server);
        // Host first: `yalu serve --db` tells a PostgreSQL connection string by it.
        _connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = server.Host, Port = server.Port, Username = server.Username, Password = server.Password, Database = _database,
        }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (!node.HasExited) node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync(CancellationToken.None);
            node.Dispose();
        }
        if (_connectionString is not null) await ExecuteAsync(_server!, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    [Fact]
    public async Task Two_nodes_on_one_fresh_database_come_up_share_forms_and_sessions_and_clear_one_round_at_a_time()
    {
        // 1. Both start at once on the fresh database: one migrates and seeds, the other waits, both serve.
        var starting = new[] { StartNode(), StartNode() };
        var nodes = await Task.WhenAll(starting);
        var phrases = nodes.Select(n => PassPhrase().Match(n.Output)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Single(phrases);
        string keeperPhrase = phrases[0];
        Assert.Equal((long)Yalu.Storage.Migration.For("Postgres").Count, await ScalarAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM traders WHERE handle_key = 'keeper'"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM data_protection_keys"));

        // 2. A's login form, with its antiforgery token and cookie, posted to B; B's session then used on A.
        var cookies = new CookieContainer();
        using var handlerA = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var handlerB = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var a = new HttpClient(handlerA) { BaseAddress = nodes[0].Address };
        using var b = new HttpClient(handlerB) { BaseAddress = nodes[1].Address };
        string form = await a.GetStringAsync("/login", Ct);
        string token = AntiforgeryField().Matches(form)[^1].Groups[1].Value;
        Assert.Contains(cookies.GetCookies(nodes[0].Address).Cast<Cookie>(), c => c.Name == "yalu_af");

        var tampered = await b.PostAsync("/login", Form(keeperPhrase, "x" + token), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        var loggedIn = await b.PostAsync("/login", Form(keeperPhrase, token), Ct);
        Assert.True(loggedIn.StatusCode == HttpStatusCode.Redirect, $"B refused A's form: {(int)loggedIn.StatusCode} {await loggedIn.Content.ReadAsStringAsync(Ct)}");
        Assert.Contains(cookies.GetCookies(nodes[1].Address).Cast<Cookie>(), c => c.Name == "yalu_session");
        var keeperPage = await a.GetAsync("/keeper", Ct);
        Assert.True(keeperPage.StatusCode == HttpStatusCode.OK, $"A refused B's session: {(int)keeperPage.StatusCode}");

        // 3. Two round starts at once, one on each node: exactly one runs, the other gets round.running.
        string bearer = await LoginAsync(a, keeperPhrase);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var responses = await Task.WhenAll(StartRoundAsync(a, bearer), StartRoundAsync(b, bearer));
            var accepted = responses.Where(r => r.Status == HttpStatusCode.Accepted).ToList();
            Assert.True(accepted.Count == 1, $"attempt {attempt}: {string.Join(" | ", responses.Select(r => $"{(int)r.Status} {r.Body}"))}");
            var refused = responses.Single(r => r.Status != HttpStatusCode.Accepted);
            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.Equal("round.running", JsonDocument.Parse(refused.Body).RootElement.GetProperty("code").GetString());
            string id = JsonDocument.Parse(accepted[0].Body).RootElement.GetProperty("id").GetString()!;
            Assert.Equal("cleared", await WaitForRoundAsync(a, id));
            Assert.Equal(attempt + 1L, await ScalarAsync("SELECT COUNT(*) FROM rounds"));
        }

        // 4. A third node clearing a round: it holds the clearing lock on its connection, and its round is running.
        await using (var third = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ToString()))
        {
            await third.OpenAsync(Ct);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Storage.PostgresMarketStore.ClearingLockClass}, hashtext(current_schema()))", third))
                await take.ExecuteNonQueryAsync(Ct);
            await ScalarAsync("INSERT INTO rounds (id, keeper_id, cycle_cap, chain_cap, objective, time_limit_ms, state, created_at) " +
                "SELECT gen_random_uuid(), id, 3, 0, 'count', 5000, 'running', now() FROM traders WHERE handle_key = 'keeper' RETURNING 1");
            var busy = await StartRoundAsync(b, bearer);
            Assert.True(busy.Status == HttpStatusCode.Conflict, $"{(int)busy.Status} {busy.Body}");
            Assert.Equal("round.running", JsonDocument.Parse(busy.Body).RootElement.GetProperty("code").GetString());
        }
        // It dies: its connection ends, the server drops its lock, and the next start fails its round and clears.
        var next = await StartRoundAsync(b, bearer);
        Assert.True(next.Status == HttpStatusCode.Accepted, $"{(int)next.Status} {next.Body}");
        Assert.Equal("cleared", await WaitForRoundAsync(b, JsonDocument.Parse(next.Body).RootElement.GetProperty("id").GetString()!));
        Assert.Equal(4L, await ScalarAsync("SELECT COUNT(*) FROM rounds WHERE state = 'cleared'"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM rounds WHERE state = 'failed'"));
    }

    private sealed record Node(Uri Address, string Output);

    private sealed record Started(HttpStatusCode Status, string Body);

    /// <summary>Starts `dotnet yalu.dll serve` on a free port and waits until it says it serves.</summary>
    private async Task<Node> StartNode()
    {
        int port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { YaluDll(), "serve", "--db", _connectionString!, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start yalu serve");
        lock (_nodes) _nodes.Add(process);
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
            {
                lock (output) output.AppendLine(line);
                if (line.StartsWith("yalu: serving ", StringComparison.Ordinal)) serving.TrySetResult();
            }
            serving.TrySetResult();
        }, CancellationToken.None);
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
                lock (errors) errors.AppendLine(line);
        }, CancellationToken.None);
        await serving.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        string said;
        lock (output) said = output.ToString();
        Assert.True(!process.HasExited && said.Contains("yalu: serving ", StringComparison.Ordinal),
            $"node on port {port} did not come up (exit {(process.HasExited ? process.ExitCode : -1)}):\n{said}\n{errors}");
        return new Node(new Uri($"http://127.0.0.1:{port}"), said);
    }

    /// <summary>The yalu executable this test project was built with (src/Yalu's output, copied beside the tests).</summary>
    private static string YaluDll()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "yalu.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "yalu.runtimeconfig.json"))) return beside;
        string built = Path.Combine(AppContext.BaseDirectory.Replace(Path.Combine("tests", "Yalu.Tests"), Path.Combine("src", "Yalu"), StringComparison.Ordinal), "yalu.dll");
        Assert.True(File.Exists(built), $"yalu.dll is not built at {beside} nor {built}");
        return built;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static FormUrlEncodedContent Form(string passPhrase, string token) => new(new Dictionary<string, string>
    {
        ["Handle"] = "keeper",
        ["PassPhrase"] = passPhrase,
        ["__af"] = token,
    });

    private static async Task<string> LoginAsync(HttpClient node, string passPhrase)
    {
        var login = await node.PostAsJsonAsync("/api/traders/login", new { handle = "keeper", passPhrase }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString()!;
    }

    private static async Task<Started> StartRoundAsync(HttpClient node, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rounds")
        {
            Content = JsonContent.Create(new { cycleCap = 3, chainCap = 0, timeLimitSeconds = 10 }),
        };
        request.Headers.Authorization = new("Bearer", bearer);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await node.SendAsync(request, Ct);
        return new Started(response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<string> WaitForRoundAsync(HttpClient node, string id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var round = await node.GetFromJsonAsync<JsonElement>($"/api/rounds/{id}", Ct);
            string state = round.GetProperty("state").GetString()!;
            if (state is "cleared" or "failed") return state;
            Assert.True(DateTime.UtcNow < deadline, $"round {id} is still {state}: {round}");
            await Task.Delay(100, Ct);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("pass phrase: (\\S+)")]
    private static partial Regex PassPhrase();

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
