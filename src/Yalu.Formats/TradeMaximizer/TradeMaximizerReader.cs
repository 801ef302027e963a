using System.Text;
using System.Text.Unicode;

namespace Yalu.Formats.TradeMaximizer;

/// <summary>
/// Reads TradeMaximizer want-list files: the format of TradeMaximizer 1.3c, with 1.3b's
/// <c>SCALED-PRIORITIES</c>, the options the Online Want List Generator (TradeMaximizer 1.4) and
/// TradeMaximizerOz write, Latin-1 or UTF-8 text, any line ends and a trailing Ctrl-Z.
/// See docs/formats/trademaximizer.md for exactly what is accepted.
/// </summary>
/// <remarks>
/// Fatal problems (what TradeMaximizer stops on) are collected, all of them, with line and column,
/// and no document is returned. Non-fatal problems (unknown items, repeated wants, …) go into
/// <see cref="WantListDocument.Problems"/> worded as TradeMaximizer words them. Stateless and thread-safe.
/// </remarks>
public static partial class TradeMaximizerReader
{
    /// <summary>Reads a file from disk.</summary>
    public static ParseResult<WantListDocument> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a stream to its end.</summary>
    public static ParseResult<WantListDocument> Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source);
    }

    /// <summary>Reads text that is already decoded (tests, and callers holding a string).</summary>
    public static ParseResult<WantListDocument> ReadText(string text, string source = "-")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text), source);
    }

    /// <summary>Reads the bytes of a want-list file.</summary>
    public static ParseResult<WantListDocument> Read(ReadOnlySpan<byte> bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var state = new ReaderState(source);
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        int lineNumber = 0;
        while (!bytes.IsEmpty)
        {
            lineNumber++;
            int end = bytes.IndexOfAny((byte)'\n', (byte)'\r');
            ReadOnlySpan<byte> line;
            if (end < 0)
            {
                line = bytes;
                bytes = [];
            }
            else
            {
                line = bytes[..end];
                int skip = bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n' ? 2 : 1;
                bytes = bytes[(end + skip)..];
            }
            state.ReadLine(Decode(line), lineNumber);
        }
        return state.Finish();
    }

    /// <summary>ASCII and valid UTF-8 as such; anything else is taken as Latin-1, line by line.</summary>
    private static string Decode(ReadOnlySpan<byte> line)
    {
        if (System.Text.Ascii.IsValid(line)) return Encoding.Latin1.GetString(line);
        return Utf8.IsValid(line) ? Encoding.UTF8.GetString(line) : Encoding.Latin1.GetString(line);
    }
}
