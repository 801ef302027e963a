using CsCheck;
using Xunit;

namespace Yalu.Tests;

/// <summary>
/// <c>yalu import</c> refuses every bad bundle with exit code 1, a message that says which, and a
/// database exactly as it was (a dump of every table before and after); a replayed bundle exits 0
/// saying nothing is new, and changes nothing either.
/// </summary>
public sealed class BundleRejectionTests : IDisposable
{
    private readonly TwoBankDay _day = new();

    public void Dispose() => _day.Dispose();

    private void Refused(string bundle, string code, string words)
    {
        string before = TwoBankDay.Dump(_day.A);
        var run = CliRun.Run(["import", "--db", _day.A, bundle]);
        Assert.True(run.Code == 1, $"exit {run.Code}: {run.Stdout}{run.Stderr}");
        Assert.Contains(code, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(words, run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nothing changed", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TwoBankDay.Dump(_day.A));
    }

    private static string Copy(string bundle, Func<byte[], byte[]> change)
    {
        string path = bundle + ".changed";
        File.WriteAllBytes(path, change(File.ReadAllBytes(bundle)));
        return path;
    }

    [Fact]
    public void A_tampered_bundle_is_refused_and_changes_nothing()
    {
        string bundle = _day.Export(_day.B);
        Refused(Copy(bundle, bytes =>
        {
            bytes[bytes.Length / 2] ^= 0x10;
            return bytes;
        }), "SY004", "changed");
    }

    [Fact]
    public void A_truncated_bundle_is_refused_and_changes_nothing()
    {
        string bundle = _day.Export(_day.B);
        Refused(Copy(bundle, bytes => bytes[..(bytes.Length - 100)]), "SY003", "cut off");
    }

    [Fact]
    public void Bit_flips_and_truncations_anywhere_are_refused_and_change_nothing()
    {
        string bundle = _day.Export(_day.B);
        byte[] original = File.ReadAllBytes(bundle);
        string before = TwoBankDay.Dump(_day.A);
        // Twenty random changes: a flipped bit or a cut at a random place, each a separate yalu import.
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[0, 7], Gen.Bool).Sample((at, bit, cut) =>
        {
            string path = Copy(bundle, bytes =>
            {
                if (cut) return bytes[..at];
                bytes[at] ^= (byte)(1 << bit);
                return bytes;
            });
            var run = CliRun.Run(["import", "--db", _day.A, path]);
            return run.Code == 1 && run.Stderr.Contains("rejected: SY0", StringComparison.Ordinal);
        }, iter: 20, threads: 1);
        Assert.Equal(before, TwoBankDay.Dump(_day.A));
    }

    [Fact]
    public void A_bundle_for_another_node_is_refused_as_wrong_recipient()
    {
        string c = Path.Combine(_day.Folder, "third.db");
        TwoBankDay.Ok(["node", "init", "--db", c, "--side", "hyesan", "--name", "third"]);
        TwoBankDay.Ok(["node", "key", "--db", c, "--out", Path.Combine(_day.Folder, "third.card")]);
        TwoBankDay.Ok(["node", "trust", "--db", _day.B, Path.Combine(_day.Folder, "third.card"), "--yes"]);
        string forThird = Path.Combine(_day.Folder, "for-third.yalu");
        TwoBankDay.Ok(["export", "--db", _day.B, "--to", "third", "--out", forThird]);
        Refused(forThird, "SY006", "not sealed to this node");
    }

    [Fact]
    public void A_bundle_from_a_node_never_trusted_is_refused_as_unknown_sender()
    {
        string c = Path.Combine(_day.Folder, "third.db");
        TwoBankDay.Ok(["node", "init", "--db", c, "--side", "changbai", "--name", "third", "--demo"]);
        TwoBankDay.Ok(["node", "trust", "--db", c, Path.Combine(_day.Folder, "hyesan.card"), "--yes"]);
        string fromThird = Path.Combine(_day.Folder, "from-third.yalu");
        TwoBankDay.Ok(["export", "--db", c, "--to", "hyesan", "--out", fromThird]);
        Refused(fromThird, "SY007", "does not trust");
    }

    [Fact]
    public void A_replayed_or_older_bundle_changes_nothing_and_says_so()
    {
        string older = _day.Export(_day.B);
        string newer = _day.Export(_day.B);
        var first = TwoBankDay.Ok(["import", "--db", _day.A, newer]);
        Assert.Contains("applied", first.Stdout, StringComparison.Ordinal);
        string before = TwoBankDay.Dump(_day.A);
        foreach (string bundle in new[] { newer, older })
        {
            var again = TwoBankDay.Ok(["import", "--db", _day.A, bundle]);
            Assert.Contains("nothing new", again.Stdout, StringComparison.Ordinal);
            Assert.Equal(before, TwoBankDay.Dump(_day.A));
        }
    }

    [Fact]
    public void Usage_errors_exit_2_and_unreadable_files_exit_1()
    {
        Assert.Equal(2, CliRun.Run(["import", "--db", _day.A]).Code);
        Assert.Equal(2, CliRun.Run(["export", "--db", _day.A, "--out", "x"]).Code);
        Assert.Equal(2, CliRun.Run(["node", "init", "--db", Path.Combine(_day.Folder, "x.db"), "--side", "seoul"]).Code);
        Assert.False(File.Exists(Path.Combine(_day.Folder, "x.db")));
        var missing = CliRun.Run(["import", "--db", _day.A, Path.Combine(_day.Folder, "no-such.yalu")]);
        Assert.Equal(1, missing.Code);
        Assert.Contains("SN007", missing.Stderr, StringComparison.Ordinal);
        var noPeer = CliRun.Run(["export", "--db", _day.A, "--to", "nobody", "--out", Path.Combine(_day.Folder, "x.yalu")]);
        Assert.Equal(1, noPeer.Code);
        Assert.Contains("no trusted peer", noPeer.Stderr, StringComparison.Ordinal);
        var noDb = CliRun.Run(["node", "show", "--db", Path.Combine(_day.Folder, "nowhere.db")]);
        Assert.Equal(1, noDb.Code);
        Assert.False(File.Exists(Path.Combine(_day.Folder, "nowhere.db")));
        var again = CliRun.Run(["node", "init", "--db", _day.A, "--side", "hyesan"]);
        Assert.Equal(1, again.Code);
        Assert.Contains("already has a node", again.Stderr, StringComparison.Ordinal);
        var card = TwoBankDay.Ok(["node", "show", "--db", _day.A]);
        Assert.Matches(@"fingerprint: (\d{4} ){7}\d{4}", card.Stdout);
        var declined = CliRun.Run(["node", "trust", "--db", _day.A, Path.Combine(_day.Folder, "changbai.card")], "no\n");
        Assert.Equal(1, declined.Code);
    }
}
