using System.CommandLine;
using Yalu.Sync;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu export --db DB --to PEER --out FILE</c>: a bundle for a trusted peer — every event of this
/// node the peer has not acknowledged, and the acknowledgement of the peer's events this node holds —
/// sealed to the peer and signed, written durably (temporary name, fsync, rename, fsync of the
/// folder). Exit codes: 0 written, 1 refused (no such trusted peer) or unwritable, 2 usage.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = NodeCommand.DbOption();
        var to = new Option<string>("--to") { Description = "The trusted peer the bundle is for: its name, node id or fingerprint.", Required = true };
        var output = new Option<string>("--out") { Description = "The bundle file to write (e.g. on the USB stick).", Required = true };
        var command = new Command("export", "Write a bundle for another node: what it has not acknowledged, sealed to it.") { db, to, output };
        command.SetAction((parse, ct) => NodeCommand.WithStoreAsync(parse.GetValue(db)!, stderr, async store =>
        {
            var peer = await store.ResolvePeerAsync(parse.GetValue(to)!, ct);
            if (!peer.Success)
            {
                await stderr.WriteLineAsync($"yalu export: {peer.Error}");
                return YaluCommand.InputError;
            }
            var bundle = await store.ExportAsync(peer.Value.Card.NodeId, ct);
            if (!bundle.Success)
            {
                await stderr.WriteLineAsync($"yalu export: {bundle.Error}");
                return YaluCommand.InputError;
            }
            string path = parse.GetValue(output)!;
            try
            {
                DurableFile.WriteAllBytes(path, bundle.Value.Bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"yalu export: cannot write {path}: {e.Message}");
                return YaluCommand.InputError;
            }
            await store.RecordExportAsync(peer.Value.Card.NodeId, ct);
            var b = bundle.Value;
            string events = b.Events == 0 ? "no new events" : $"{b.Events} events ({b.FirstSeq}..{b.LastSeq})";
            await stdout.WriteLineAsync($"yalu: wrote {path} for {b.Peer.Name} ({b.Peer.Side}): {events}, acknowledging its events up to {b.AckedSeq}; {b.Bytes.Length:N0} bytes");
            return YaluCommand.Ok;
        }, ct));
        return command;
    }
}
