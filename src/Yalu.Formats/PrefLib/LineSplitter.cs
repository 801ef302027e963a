namespace Yalu.Formats.PrefLib;

/// <summary>Splits bytes into lines at LF, CR or CRLF, numbering them from 1; a leading UTF-8 BOM is skipped.</summary>
internal ref struct LineSplitter
{
    private ReadOnlySpan<byte> _rest;

    public LineSplitter(ReadOnlySpan<byte> bytes)
    {
        _rest = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
    }

    /// <summary>1-based number of the line last returned.</summary>
    public int Number { get; private set; }

    /// <summary>The next line without its end; false when the bytes are used up.</summary>
    public bool Next(out ReadOnlySpan<byte> line)
    {
        if (_rest.IsEmpty)
        {
            line = default;
            return false;
        }
        Number++;
        int end = _rest.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0)
        {
            line = _rest;
            _rest = default;
            return true;
        }
        line = _rest[..end];
        int skip = _rest[end] == '\r' && end + 1 < _rest.Length && _rest[end + 1] == '\n' ? 2 : 1;
        _rest = _rest[(end + skip)..];
        return true;
    }
}
