using System.Text;
using Yalu.Market.Graphs;

namespace Yalu.Formats.PrefLib;

/// <summary>
/// Reads PrefLib matching data (<c>.wmd</c>, e.g. PrefLib 00036 "Kidney Data") into a
/// <see cref="WantGraph"/>: one item per vertex, named by its 1-based number ("17"), and for each
/// compatibility arc <c>u,v,w</c> ("u's item can go to v") the want <c>v → u</c> with weight <c>w</c>.
/// Vertices named "Alturist …" (PrefLib's spelling; "Altruist" is accepted too) are donor items. See
/// docs/formats/preflib.md.
/// </summary>
/// <remarks>
/// <para>Both layouts are read. The current one has <c>#</c> header lines (<c>NUMBER ALTERNATIVES</c>,
/// <c>NUMBER EDGES</c>, <c>ALTERNATIVE NAME i</c>) and 1-based arcs; the old one starts with a line
/// <c>n,m</c>, then n lines <c>i,name</c>, then m arcs with 0-based vertices. The 0-weight arcs into a
/// donor only mark where a chain may end (every chain may end anywhere), so they are dropped; an arc
/// into a donor with another weight is an error.</para>
/// <para>Bad input is reported as values with line and column (codes <c>PL001</c>…), never thrown.
/// Stateless and thread-safe.</para>
/// </remarks>
public static class PrefLibReader
{
    private const int MaxErrors = 100;

    /// <summary>
    /// The most vertices a file may declare: 100,000, far above any kidney exchange pool on record
    /// (PrefLib's largest has 1,177). A header that declares more is an error (PL013) rather than an
    /// allocation of that many vertices: the fuzz harness (bench/Yalu.Fuzz) found that one header
    /// line asking for two billion would otherwise exhaust memory.
    /// </summary>
    public const int MaxVertices = 100_000;

    /// <summary>Reads a file from disk.</summary>
    public static ParseResult<WantGraph> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a stream to its end.</summary>
    public static ParseResult<WantGraph> Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source);
    }

    /// <summary>Reads text held in a string (tests, and callers holding one).</summary>
    public static ParseResult<WantGraph> ReadText(string text, string source = "-")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text), source);
    }

    /// <summary>Reads the bytes of a <c>.wmd</c> file.</summary>
    public static ParseResult<WantGraph> Read(ReadOnlySpan<byte> bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var state = new PrefLibState(source);
        var lines = new LineSplitter(bytes);
        bool layoutKnown = false, oldLayout = false;
        while (lines.Next(out var text))
        {
            var line = new TextLine(text, lines.Number, ","u8);
            if (line.IsBlankLine) continue;
            if (!layoutKnown)
            {
                layoutKnown = true;
                oldLayout = text.TrimStart(" \t"u8).IsEmpty || text.TrimStart(" \t"u8)[0] != '#';
                if (oldLayout)
                {
                    state.ReadOldHeader(ref line);
                    continue;
                }
            }
            if (oldLayout) state.ReadOldLine(ref line);
            else state.ReadLine(ref line);
            if (state.ErrorCount >= MaxErrors)
            {
                state.Error(lines.Number, 0, "PL099", $"more than {MaxErrors} errors; stopped reading");
                break;
            }
        }
        if (!layoutKnown) state.Error(1, 0, "PL001", "the file is empty: a .wmd file starts with its header");
        return state.Finish(lines.Number);
    }
}
