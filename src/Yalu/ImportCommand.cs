using System.CommandLine;
using Yalu.Storage;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu import --db DB FILE</c>: applies a bundle from a trusted peer. The bundle is authenticated
/// and decrypted before anything in it is parsed; a tampered, truncated, misaddressed or unknown
/// sender's bundle, a broken chain or a gap is refused with its reason and changes nothing; a bundle
/// already applied (or an older one) changes nothing and says so. Exit codes: 0 applied or nothing
/// new, 1 rejected or unreadable, 2 usage.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = NodeCommand.DbOption();
        var file = new Argument<string>("FILE") { Description = "The bundle file another node exported for this one." };
        var command = new Command("import", "Apply a bundle from another node (verified before it is read; all or nothing).") { db, file };
        command.SetAction((parse, ct) => NodeCommand.WithStoreAsync(parse.GetValue(db)!, stderr, async store =>
        {
            string path = parse.GetValue(file)!;
            byte[] bytes;
            try
            {
                var length = new FileInfo(path).Length;
                if (length > SqlMarketStore.MaxBundleBytes)
                {
                    await stderr.WriteLineAsync($"yalu import: {path}: {NodeSyncCodes.Unreadable}: {length:N0} bytes is larger than any bundle ({SqlMarketStore.MaxBundleBytes:N0}); nothing changed");
                    return YaluCommand.InputError;
                }
                bytes = await File.ReadAllBytesAsync(path, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"yalu import: {path}: {NodeSyncCodes.Unreadable}: cannot read it: {e.Message}; nothing changed");
                return YaluCommand.InputError;
            }
            var report = await store.ImportAsync(bytes, ct);
            if (!report.Success)
            {
                await stderr.WriteLineAsync($"yalu import: {path}: rejected: {report.Error}; nothing changed");
                return YaluCommand.InputError;
            }
            var r = report.Value;
            if (r.NothingNew)
            {
                await stdout.WriteLineAsync($"yalu: {path} from {r.Sender.Name} ({r.Sender.Side}): nothing new ({r.KnownEvents} events already applied); nothing changed");
                return YaluCommand.Ok;
            }
            await stdout.WriteLineAsync($"yalu: {path} from {r.Sender.Name} ({r.Sender.Side}): applied {r.NewEvents} new events ({r.KnownEvents} already held); it has our events up to {r.AckedSeq}");
            if (r.Accepted + r.CalledOff > 0)
                await stdout.WriteLineAsync($"yalu: cross-bank exchanges: {r.Accepted} accepted, {r.CalledOff} called off (export a bundle back so the other bank learns)");
            return YaluCommand.Ok;
        }, ct));
        return command;
    }
}
