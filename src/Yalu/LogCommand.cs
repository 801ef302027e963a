using System.CommandLine;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu log verify --db DB</c>: re-checks every chain in the node's signed event log (its own and
/// each peer's replica) from the first event — decoding, node, sequence, previous hash, signature —
/// and names the first bad event of each. Exit codes: 0 every chain verified, 1 one did not or the
/// database is unreadable, 2 usage.
/// </summary>
internal static class LogCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = NodeCommand.DbOption();
        var verify = new Command("verify", "Re-check every signed chain in the log; name the first bad event.") { db };
        verify.SetAction((parse, ct) => NodeCommand.WithStoreAsync(parse.GetValue(db)!, stderr, async store =>
        {
            var checks = await store.VerifyLogAsync(ct);
            bool ok = true;
            foreach (var check in checks)
            {
                if (check.IsValid) await stdout.WriteLineAsync($"ok: {check.Node.Name} ({check.Node.Side}, {check.Node.NodeId}): {check.Events} events, every signature and link verified");
                else
                {
                    ok = false;
                    await stdout.WriteLineAsync($"BAD: {check.Node.Name} ({check.Node.Side}, {check.Node.NodeId}): {check.Error}");
                    await stderr.WriteLineAsync($"yalu log verify: {check.Error}");
                }
            }
            return ok ? YaluCommand.Ok : YaluCommand.InputError;
        }, ct));
        return new Command("log", "The node's signed event log.") { verify };
    }
}
