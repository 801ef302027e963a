using System.Globalization;

namespace Yalu.PowerCut;

/// <summary>
/// One acknowledged write, as the driver printed it after the commit returned:
/// <c>ack SEQ KIND SUBJECT FACT</c> — the event-log sequence number the write appended, the
/// event's kind and subject, and the fact that must stay true (posted, wants, withdrawn,
/// scheduled, running, failed, cleared:N, confirmed, noshow).
/// </summary>
internal sealed record Acknowledgement(long Seq, string Kind, string Subject, string Fact)
{
    public override string ToString() => $"ack {Seq.ToString(CultureInfo.InvariantCulture)} {Kind} {Subject} {Fact}";

    public static Acknowledgement? TryParse(string line) =>
        line.Split(' ') is ["ack", var seq, var kind, var subject, var fact] && long.TryParse(seq, CultureInfo.InvariantCulture, out long n)
            ? new Acknowledgement(n, kind, subject, fact)
            : null;

    /// <summary>Every acknowledgement in the harness's file (absent file: none).</summary>
    public static IReadOnlyList<Acknowledgement> ReadAll(string path) =>
        File.Exists(path) ? [.. File.ReadLines(path).Select(TryParse).OfType<Acknowledgement>()] : [];
}
