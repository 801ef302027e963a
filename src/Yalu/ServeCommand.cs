using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yalu.Storage;
using Yalu.Sync;
using Yalu.Web;
using Yalu.Web.Hosting;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu serve</c>: the market node. Opens (creating and migrating) the store, seeds a demo market
/// on a fresh database, serves the HTTP API and prints where.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string LanUrl = "http://0.0.0.0:5080";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, as ASP.NET Core takes it (';'-separated; default {DefaultUrl})." };
        var lan = new Option<bool>("--lan") { Description = $"Listen on the local network ({LanUrl}) so phones on the market's Wi-Fi can reach the node." };
        var db = new Option<string>("--db") { Description = "A SQLite file (default ./yalu.db) or a PostgreSQL connection string (Host=… or postgres://…).", DefaultValueFactory = _ => "yalu.db" };
        var market = new Option<string?>("--market") { Description = "On a fresh database, the side its node is made with: hyesan or changbai (default hyesan; yalu node init --side does the same). A database that has a node keeps its side; naming the other one is an error." };
        var noDemo = new Option<bool>("--no-demo") { Description = "On a fresh database, add only the catalog and the keeper account: no demo traders or lots." };
        var command = new Command("serve", "Run the market node: the pages for traders and the keeper, and the HTTP API (OpenAPI at /openapi/v1.json), over a SQLite file or PostgreSQL.")
        {
            urls, lan, db, market, noDemo,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            string? side = parse.GetValue(market);
            if (side is not null && !NodeSides.IsValid(side))
            {
                stderr.WriteLine("yalu serve: --market is hyesan or changbai");
                return Task.FromResult(YaluCommand.UsageError);
            }
            return RunAsync(parse.GetValue(urls) ?? (parse.GetValue(lan) ? LanUrl : DefaultUrl), parse.GetValue(db)!, !parse.GetValue(noDemo), side, stdout, stderr, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Serves <paramref name="db"/> until cancelled. <paramref name="market"/> is the side a fresh
    /// database's node is made with ("hyesan" or "changbai"; null for the default); a database whose
    /// node is of the other side is refused with exit 2 and not served.
    /// </summary>
    internal static async Task<int> RunAsync(string urls, string db, bool demo, string? market, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var setup = market is null ? NodeSetup.FirstStart : NodeSetup.FirstStart with { Side = market };
        var store = await NodeDatabase.OpenAsync(db, clock, stderr, cancellationToken, setup);
        if (store is null) return YaluCommand.InputError;
        await using (store)
        {
            // The node's market is the side it was made with; --market cannot say otherwise.
            if (market is not null && store.Card.Side != market)
            {
                await stderr.WriteLineAsync($"yalu serve: --market {market}, but this database's node {store.Card.Name} is {store.Card.Side} (fingerprint {store.Card.Fingerprint}); its market is its side: drop --market or use another database");
                return YaluCommand.UsageError;
            }
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
            // Kestrel's and routing's own logs can carry client addresses: keep them to warnings.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            builder.WebHost.UseUrls(urls);
            builder.Services.AddYaluWeb(store);
            await using var app = builder.Build();
            app.MapYaluApi();

            // One node at a time seeds a fresh market and makes the first data-protection key.
            var seeded = await NodeStartup.PrepareAsync(app.Services, demo, cancellationToken);
            if (seeded is not null)
            {
                await stdout.WriteLineAsync($"yalu: new market: {seeded.Goods} goods, {seeded.Traders} demo traders, {seeded.Lots} lots with want lists");
                await stdout.WriteLineAsync($"yalu: keeper account '{seeded.KeeperHandle}', pass phrase: {seeded.KeeperPassPhrase}");
                await stdout.WriteLineAsync("yalu: the pass phrase is shown only this once; write it down.");
            }
            // The first start made the node's keys too (yalu node init makes them with a chosen side and name).
            var node = await store.GetNodeAsync(cancellationToken);
            await stdout.WriteLineAsync($"yalu: node {node.Card.Name} ({node.Card.Side}), fingerprint {node.Card.Fingerprint}; keys in {node.KeyPlace}");
            await app.StartAsync(cancellationToken);
            foreach (string address in app.Urls) await stdout.WriteLineAsync($"yalu: serving {address} (API under /api, OpenAPI at {address.TrimEnd('/')}/openapi/v1.json)");
            await stdout.FlushAsync(cancellationToken);
            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: a normal stop.
            }
            await app.StopAsync(CancellationToken.None);
        }
        return YaluCommand.Ok;
    }
}
