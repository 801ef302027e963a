using System.Globalization;
using System.Text;
using Yalu.Formats.PrefLib;
using Yalu.Market.Graphs;

namespace Yalu.Formats.KidneySolver;

/// <summary>
/// Reads the instance files of kidney_solver (Trimble's PICEF/HPIEF reference code): a pair file
/// <c>X.input</c> and, optionally, a donor file <c>X.ndds</c>, into a <see cref="WantGraph"/>. Pairs are
/// items named by their 0-based id ("0"), donors are donor items named "D" plus their 0-based id ("D0");
/// an arc <c>s t w</c> ("s's item can go to t") is the want <c>t → s</c> with weight <c>w</c>. See
/// docs/formats/kidney-solver.md.
/// </summary>
/// <remarks>
/// Each file is a line <c>count arcs</c>, then that many arcs <c>source target weight</c> (tabs or
/// spaces, 0-based ids, real weights), then <c>-1 -1 -1</c>; what follows the terminator is ignored,
/// as kidney_solver ignores it. Bad input is reported as values with file, line and column (codes
/// <c>KS001</c>…), never thrown. Stateless and thread-safe.
/// </remarks>
public static class KidneySolverReader
{
    private const int MaxErrors = 100;

    /// <summary>
    /// The most pairs (or donors) a file may declare: 100,000, far above any kidney exchange pool on
    /// record (kidney_solver's largest instances have a few hundred). A first line that declares more
    /// is an error (KS010) rather than an allocation of that many items: the fuzz harness (bench/Yalu.Fuzz)
    /// found that a first line asking for two billion would otherwise exhaust memory.
    /// </summary>
    public const int MaxVertices = 100_000;

    /// <summary>
    /// The donor file that goes with <paramref name="inputPath"/>: <c>X.ndds</c> beside <c>X.input</c>
    /// when that file exists, else null.
    /// </summary>
    public static string? DonorFileBeside(string inputPath)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        string ndds = Path.ChangeExtension(inputPath, ".ndds");
        return !string.Equals(ndds, inputPath, StringComparison.Ordinal) && File.Exists(ndds) ? ndds : null;
    }

    /// <summary>Reads a pair file and, when <paramref name="donorPath"/> is given, its donor file.</summary>
    public static ParseResult<WantGraph> ReadFiles(string inputPath, string? donorPath)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        byte[] input = File.ReadAllBytes(inputPath);
        byte[] donors = donorPath is null ? [] : File.ReadAllBytes(donorPath);
        return Read(input, inputPath, donors, donorPath);
    }

    /// <summary>Reads pair and donor files held in strings (tests, and callers holding them).</summary>
    public static ParseResult<WantGraph> ReadText(string input, string? donors = null, string inputSource = "-", string donorSource = "-.ndds")
    {
        ArgumentNullException.ThrowIfNull(input);
        return Read(Encoding.UTF8.GetBytes(input), inputSource, donors is null ? [] : Encoding.UTF8.GetBytes(donors), donors is null ? null : donorSource);
    }

    /// <summary>
    /// Reads the bytes of a pair file and of its donor file; <paramref name="donorSource"/> null means
    /// there is no donor file (and <paramref name="donors"/> is ignored).
    /// </summary>
    public static ParseResult<WantGraph> Read(ReadOnlySpan<byte> input, string inputSource, ReadOnlySpan<byte> donors, string? donorSource)
    {
        ArgumentNullException.ThrowIfNull(inputSource);
        var errors = new List<FormatDiagnostic>();
        var pairs = ReadArcs(input, inputSource, "pair", targetCount: -1, errors);
        ArcList? ndds = null;
        if (donorSource is not null && pairs is not null)
            ndds = ReadArcs(donors, donorSource, "donor", targetCount: pairs.Count, errors);
        if (errors.Count > 0 || pairs is null || (donorSource is not null && ndds is null))
            return new ParseResult<WantGraph>(null, errors, []);

        var builder = new WantGraphBuilder(nonTradeCost: 1_000_000_000L);
        for (int p = 0; p < pairs.Count; p++)
        {
            string name = p.ToString(CultureInfo.InvariantCulture);
            builder.AddItem(name, name, owner: -1, isDummy: false);
        }
        int donorCount = ndds?.Count ?? 0;
        for (int d = 0; d < donorCount; d++)
        {
            string name = "D" + d.ToString(CultureInfo.InvariantCulture);
            builder.AddItem(name, name, owner: -1, isDummy: false, isDonor: true);
        }
        for (int e = 0; e < pairs.From.Count; e++) builder.AddWant(pairs.To[e], pairs.From[e], cost: 1, weight: pairs.Weight[e]);
        if (ndds is not null)
        {
            for (int e = 0; e < ndds.From.Count; e++) builder.AddWant(ndds.To[e], pairs.Count + ndds.From[e], cost: 1, weight: ndds.Weight[e]);
        }
        return new ParseResult<WantGraph>(builder.Build(), errors, []);
    }

    /// <summary>
    /// Reads one file: sources are 0..count-1, targets 0..count-1 (a pair file, <paramref name="targetCount"/>
    /// -1) or 0..targetCount-1 (a donor file, whose targets are pairs). Null when it has errors.
    /// </summary>
    private static ArcList? ReadArcs(ReadOnlySpan<byte> bytes, string source, string kind, int targetCount, List<FormatDiagnostic> errors)
    {
        int errorsBefore = errors.Count;
        void Error(int line, int column, string code, string message) => errors.Add(new FormatDiagnostic(source, line, column, code, message));

        var lines = new LineSplitter(bytes);
        ArcList? arcs = null;
        int declared = 0, read = 0;
        bool terminated = false;
        HashSet<long>? seen = null;
        while (!terminated && lines.Next(out var text))
        {
            var line = new TextLine(text, lines.Number, " \t"u8);
            if (line.IsBlankLine) continue;
            if (errors.Count - errorsBefore >= MaxErrors)
            {
                Error(line.Number, 0, "KS009", $"more than {MaxErrors} errors; stopped reading");
                return null;
            }
            if (arcs is null)
            {
                if (!line.NextField(out var c, out _) || !TextLine.TryInt(c, out int count) || count < 0
                    || !line.NextField(out var m, out _) || !TextLine.TryInt(m, out declared) || declared < 0)
                {
                    Error(line.Number, 1, "KS001", $"the first line of a {kind} file is '{kind}s arcs': two non-negative integers");
                    return null;
                }
                if (!line.AtEnd)
                {
                    Error(line.Number, line.NextColumn, "KS001", $"the first line of a {kind} file is '{kind}s arcs' and has nothing after them");
                    return null;
                }
                if (count > MaxVertices)
                {
                    Error(line.Number, 1, "KS010", $"the first line declares {count} {kind}s; Yalu reads at most {MaxVertices}");
                    return null;
                }
                arcs = new ArcList(count);
                seen = [];
                continue;
            }
            bool complete = line.NextField(out var a, out int ca) & line.NextField(out var b, out int cb) & line.NextField(out var w, out int cw);
            if (complete && a.SequenceEqual("-1"u8) && b.SequenceEqual("-1"u8) && w.SequenceEqual("-1"u8) && line.AtEnd)
            {
                terminated = true;
                if (read != declared)
                    Error(line.Number, 0, "KS007", $"the first line says {declared} arcs but {read} come before '-1 -1 -1'");
                break;
            }
            read++;
            if (!complete)
            {
                Error(line.Number, 0, "KS002", "an arc line is 'source target weight'");
                continue;
            }
            if (!line.AtEnd)
            {
                Error(line.Number, line.NextColumn, "KS002", "an arc line is 'source target weight' and has nothing after the weight");
                continue;
            }
            int targets = targetCount < 0 ? arcs.Count : targetCount;
            if (!TextLine.TryInt(a, out int from) || from < 0 || from >= arcs.Count)
            {
                Error(line.Number, ca, "KS003", $"'{TextLine.Show(a)}' is not a {kind}: {kind}s are 0 to {arcs.Count - 1}");
                continue;
            }
            if (!TextLine.TryInt(b, out int to) || to < 0 || to >= targets)
            {
                Error(line.Number, cb, "KS003", $"'{TextLine.Show(b)}' is not a pair: pairs are 0 to {targets - 1}");
                continue;
            }
            if (!TextLine.TryReal(w, out double weight) || weight < 0)
            {
                Error(line.Number, cw, "KS004", $"the weight must be a finite non-negative number, not '{TextLine.Show(w)}'");
                continue;
            }
            if (targetCount < 0 && from == to)
            {
                Error(line.Number, cb, "KS005", $"pair {from} has an arc to itself");
                continue;
            }
            if (!seen!.Add(((long)from * targets) + to))
            {
                Error(line.Number, ca, "KS006", $"the arc {from} {to} is given twice");
                continue;
            }
            arcs.From.Add(from);
            arcs.To.Add(to);
            arcs.Weight.Add(weight);
        }
        if (arcs is null)
        {
            if (errors.Count == errorsBefore) Error(1, 0, "KS001", $"the {kind} file is empty: it starts with a line '{kind}s arcs'");
            return null;
        }
        if (!terminated && errors.Count == errorsBefore)
        {
            Error(Math.Max(1, lines.Number), 0, "KS008", read == declared
                ? "the file ends without its closing '-1 -1 -1' line"
                : $"the file ends after {read} of its {declared} arcs, without its closing '-1 -1 -1' line");
        }
        return errors.Count == errorsBefore ? arcs : null;
    }
}
