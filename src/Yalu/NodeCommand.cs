using System.CommandLine;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Sync;
using Yalu.Web;
using Yalu.Web.Demo;
using Yalu.Web.Hosting;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu node init|show|key|trust|revoke</c>: a node's market, its identity (name, side, keys,
/// fingerprint) and the peers whose bundles it accepts. Exit codes: 0 done, 1 refused or unreadable,
/// 2 usage.
/// </summary>
internal static class NodeCommand
{
    public static Command Create(Func<TextReader> stdin, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("node", "The node's market, identity and trusted peers: init, show, key, trust, revoke.");
        command.Subcommands.Add(Init(stdout, stderr));
        command.Subcommands.Add(Show(stdout, stderr));
        command.Subcommands.Add(Key(stdout, stderr));
        command.Subcommands.Add(Trust(stdin, stdout, stderr));
        command.Subcommands.Add(Revoke(stdout, stderr));
        return command;
    }

    /// <summary>The <c>--db</c> option every node command takes.</summary>
    internal static Option<string> DbOption() => new("--db")
    {
        Description = "The node's SQLite file (default ./yalu.db) or a PostgreSQL connection string.",
        DefaultValueFactory = _ => "yalu.db",
    };

    private static Command Init(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var side = new Option<string>("--side") { Description = "The bank this node's market is on: hyesan or changbai.", Required = true };
        side.AcceptOnlyFromAmong(NodeSides.Hyesan, NodeSides.Changbai);
        var name = new Option<string?>("--name") { Description = "The node's name on its card (default: the side's name)." };
        var demo = new Option<bool>("--demo") { Description = "Seed the demo market's traders of this bank with lots and want lists (otherwise only the catalog and the keeper)." };
        var command = new Command("init", "Create a node: a new market on a fresh database, its keys (Ed25519 + X25519) and its card.") { db, side, name, demo };
        command.SetAction((parse, ct) => InitAsync(parse.GetValue(db)!, parse.GetValue(side)!, parse.GetValue(name), parse.GetValue(demo), stdout, stderr, ct));
        return command;
    }

    private static async Task<int> InitAsync(string db, string side, string? name, bool demo, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string nodeName = name ?? side;
        if (NodeCard.CheckName(nodeName) is { } problem)
        {
            await stderr.WriteLineAsync($"yalu node init: --name: {problem}");
            return YaluCommand.UsageError;
        }
        var clock = TimeProvider.System;
        var store = await NodeDatabase.OpenAsync(db, clock, stderr, cancellationToken, new NodeSetup(nodeName, side, MustBeNew: true));
        if (store is null) return YaluCommand.InputError;
        await using (store)
        {
            var hasher = new YaluWebOptions().Hasher;
            var seeded = await DemoMarket.SeedIfFreshAsync(store, hasher, clock, demo, cancellationToken: cancellationToken,
                onlySide: side == NodeSides.Changbai ? Side.Changbai : Side.Hyesan);
            var node = await store.GetNodeAsync(cancellationToken);
            await stdout.WriteLineAsync($"yalu: new node {node.Card.Name} on the {node.Card.Side} bank");
            await WriteCardLinesAsync(stdout, node);
            if (seeded is not null)
            {
                await stdout.WriteLineAsync($"yalu: new market: {seeded.Goods} goods, {seeded.Traders} demo traders, {seeded.Lots} lots with want lists");
                await stdout.WriteLineAsync($"yalu: keeper account '{seeded.KeeperHandle}', pass phrase: {seeded.KeeperPassPhrase}");
                await stdout.WriteLineAsync("yalu: the pass phrase is shown only this once; write it down.");
            }
        }
        return YaluCommand.Ok;
    }

    private static async Task WriteCardLinesAsync(TextWriter stdout, NodeInfo node)
    {
        await stdout.WriteLineAsync($"  name:        {node.Card.Name}");
        await stdout.WriteLineAsync($"  side:        {node.Card.Side}");
        await stdout.WriteLineAsync($"  node id:     {node.Card.NodeId}");
        await stdout.WriteLineAsync($"  fingerprint: {node.Card.Fingerprint}");
        await stdout.WriteLineAsync($"  keys:        {node.KeyPlace}");
    }

    private static Command Show(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var command = new Command("show", "Print the node's name, side and fingerprint (read it to the other bank's keeper), its log and its peers.") { db };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db)!, stderr, async store =>
        {
            var node = await store.GetNodeAsync(ct);
            await stdout.WriteLineAsync($"node {node.Card.Name}");
            await WriteCardLinesAsync(stdout, node);
            await stdout.WriteLineAsync($"  own events:  {node.LastSeq}");
            var peers = await store.ListPeersAsync(ct);
            await stdout.WriteLineAsync(peers.Count == 0 ? "peers: none trusted yet (yalu node trust --db DB CARD-FILE)" : "peers:");
            foreach (var p in peers)
            {
                await stdout.WriteLineAsync($"  {p.Card.Name} ({p.Card.Side}) {p.Card.NodeId}{(p.IsTrusted ? "" : $"  REVOKED {p.RevokedAt:u}")}");
                await stdout.WriteLineAsync($"    fingerprint {p.Card.Fingerprint}");
                await stdout.WriteLineAsync($"    holds its events 1..{p.HaveSeq}; it acknowledged ours up to {p.AckedSeq}; last export {When(p.LastExportAt)}, last import {When(p.LastImportAt)}");
            }
            return YaluCommand.Ok;
        }, ct));
        return command;
    }

    private static string When(DateTimeOffset? at) => at is { } t ? t.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "never";

    private static Command Key(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var output = new Option<string>("--out") { Description = "Where to write the node's public card ('-' for standard output).", Required = true };
        var command = new Command("key", "Write the node's public card (name, side, public keys, fingerprint) for the other bank's keeper.") { db, output };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db)!, stderr, async store =>
        {
            string text = store.Card.ToText();
            string path = parse.GetValue(output)!;
            if (path == "-")
            {
                await stdout.WriteAsync(text);
                return YaluCommand.Ok;
            }
            try
            {
                DurableFile.WriteAllText(path, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"yalu: cannot write {path}: {e.Message}");
                return YaluCommand.InputError;
            }
            await stdout.WriteLineAsync($"yalu: wrote the card of {store.Card.Name} ({store.Card.Side}) to {path}; fingerprint {store.Card.Fingerprint}");
            return YaluCommand.Ok;
        }, ct));
        return command;
    }

    private static Command Trust(Func<TextReader> stdin, TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var file = new Argument<string>("FILE") { Description = "The other node's card, as `yalu node key` wrote it." };
        var yes = new Option<bool>("--yes") { Description = "Trust without asking (scripts); compare the fingerprint some other way first." };
        var command = new Command("trust", "Accept the bundles of the node whose card FILE is, after showing its fingerprint.") { db, file, yes };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db)!, stderr, async store =>
        {
            string path = parse.GetValue(file)!;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"yalu: cannot read {path}: {e.Message}");
                return YaluCommand.InputError;
            }
            var card = NodeCard.Parse(text);
            if (!card.Success)
            {
                await stderr.WriteLineAsync($"yalu node trust: {card.Error.ToString(path)}");
                return YaluCommand.InputError;
            }
            await stdout.WriteLineAsync($"card of {card.Value.Name} ({card.Value.Side}), node {card.Value.NodeId}");
            await stdout.WriteLineAsync($"fingerprint: {card.Value.Fingerprint}");
            if (!parse.GetValue(yes))
            {
                await stdout.WriteAsync("Does the other keeper read you exactly this fingerprint? Type yes to trust it: ");
                await stdout.FlushAsync(ct);
                string? answer = await stdin().ReadLineAsync(ct);
                if (!string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
                {
                    await stderr.WriteLineAsync("yalu node trust: not trusted (the answer was not yes); nothing changed");
                    return YaluCommand.InputError;
                }
            }
            var trusted = await store.TrustPeerAsync(card.Value, ct);
            if (!trusted.Success)
            {
                await stderr.WriteLineAsync($"yalu node trust: {trusted.Error}");
                return YaluCommand.InputError;
            }
            await stdout.WriteLineAsync($"yalu: trusted {trusted.Value.Card.Name} ({trusted.Value.Card.Side}); bundles from it are accepted, bundles for it: yalu export --to {trusted.Value.Card.Name}");
            return YaluCommand.Ok;
        }, ct));
        return command;
    }

    private static Command Revoke(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var peer = new Argument<string>("PEER") { Description = "The peer's name, node id or fingerprint." };
        var command = new Command("revoke", "Stop accepting a peer's bundles (its key was lost or stolen); what it sent before stays.") { db, peer };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db)!, stderr, async store =>
        {
            var found = await store.ResolvePeerAsync(parse.GetValue(peer)!, ct);
            if (!found.Success)
            {
                await stderr.WriteLineAsync($"yalu node revoke: {found.Error}");
                return YaluCommand.InputError;
            }
            var revoked = await store.RevokePeerAsync(found.Value.Card.NodeId, ct);
            if (!revoked.Success)
            {
                await stderr.WriteLineAsync($"yalu node revoke: {revoked.Error}");
                return YaluCommand.InputError;
            }
            await stdout.WriteLineAsync($"yalu: revoked {revoked.Value.Card.Name} ({revoked.Value.Card.Fingerprint}); its bundles are refused from now on");
            return YaluCommand.Ok;
        }, ct));
        return command;
    }

    /// <summary>Opens an existing node's store (never creating one: a mistyped path is an error), runs <paramref name="work"/>, closes it.</summary>
    internal static async Task<int> WithStoreAsync(string db, TextWriter stderr, Func<SqlMarketStore, Task<int>> work, CancellationToken cancellationToken)
    {
        if (!MarketStores.IsPostgres(db) && !File.Exists(db))
        {
            await stderr.WriteLineAsync($"yalu: there is no node database at {db} (create one: yalu node init --db {db} --side hyesan|changbai)");
            return YaluCommand.InputError;
        }
        var store = await NodeDatabase.OpenAsync(db, TimeProvider.System, stderr, cancellationToken);
        if (store is null) return YaluCommand.InputError;
        await using (store) return await work(store);
    }
}
