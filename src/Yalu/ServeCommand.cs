using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yalu.Market.Trading;
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
        var market = new Option<string>("--market") { Description = "The bank whose market this node is: hyesan or changbai (default hyesan). Its bulletin names it; only the other bank's bulletins are imported.", DefaultValueFactory = _ => "hyesan" };
        var noDemo = new Option<bool>("--no-demo") { Description = "On a fresh database, add only the catalog and the keeper account: no demo traders or lots." };
        var command = new Command("serve", "Run the market node: the pages for traders and the keeper, and the HTTP API (OpenAPI at /openapi/v1.json), over a SQLite file or PostgreSQL.")
        {
            urls, lan, db, market, noDemo,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!Wire.TryParseSide(parse.GetValue(market), Side.Hyesan, out var side))
            {
                stderr.WriteLine("yalu serve: --market is hyesan or changbai");
                return Task.FromResult(YaluCommand.UsageError);
            }
            return RunAsync(parse.GetValue(urls) ?? (parse.GetValue(lan) ? LanUrl : DefaultUrl), parse.GetValue(db)!, !parse.GetValue(noDemo), side, stdout, stderr, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(string urls, string db, bool demo, Side market, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var store = await NodeDatabase.OpenAsync(db, clock, stderr, cancellationToken);
        if (store is null) return YaluCommand.InputError;
        await using (store)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
            // Kestrel's and routing's own logs can carry client addresses: keep them to warnings.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            builder.WebHost.UseUrls(urls);
            builder.Services.AddYaluWeb(store, o => o.Market = market);
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
