using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Yalu.Formats.PrefLib;

/// <summary>
/// One line of a numeric instance file (PrefLib <c>.wmd</c>, kidney_solver <c>.input</c>/<c>.ndds</c>), as
/// bytes, with a cursor over its fields. Fields are separated by <paramref name="separators"/>; columns are
/// 1-based byte offsets, which are character offsets for the ASCII these formats use.
/// </summary>
internal ref struct TextLine(ReadOnlySpan<byte> text, int number, ReadOnlySpan<byte> separators)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private readonly ReadOnlySpan<byte> _separators = separators;
    private int _at;

    /// <summary>1-based line number.</summary>
    public readonly int Number { get; } = number;

    /// <summary>The whole line, without its end.</summary>
    public readonly ReadOnlySpan<byte> Text => _text;

    /// <summary>1-based column of the next field (after leading blanks).</summary>
    public readonly int NextColumn
    {
        get
        {
            int i = _at;
            while (i < _text.Length && IsBlank(_text[i])) i++;
            return i + 1;
        }
    }

    /// <summary>True when only blanks are left.</summary>
    public readonly bool AtEnd
    {
        get
        {
            for (int i = _at; i < _text.Length; i++)
            {
                if (!IsBlank(_text[i])) return false;
            }
            return true;
        }
    }

    /// <summary>Whether the line is empty or blank.</summary>
    public readonly bool IsBlankLine
    {
        get
        {
            foreach (byte b in _text)
            {
                if (!IsBlank(b)) return false;
            }
            return true;
        }
    }

    /// <summary>
    /// The next field, trimmed of blanks, and its 1-based column; consumes the separator after it.
    /// Returns false at the end of the line.
    /// </summary>
    public bool NextField(out ReadOnlySpan<byte> field, out int column)
    {
        while (_at < _text.Length && IsBlank(_text[_at])) _at++;
        if (_at >= _text.Length)
        {
            field = default;
            column = _text.Length + 1;
            return false;
        }
        int start = _at;
        while (_at < _text.Length && _separators.IndexOf(_text[_at]) < 0) _at++;
        int end = _at;
        while (end > start && IsBlank(_text[end - 1])) end--;
        field = _text[start..end];
        column = start + 1;
        if (_at < _text.Length) _at++;
        return true;
    }

    /// <summary>The rest of the line from the cursor, trimmed.</summary>
    public ReadOnlySpan<byte> Rest(out int column)
    {
        int start = _at, end = _text.Length;
        while (start < end && IsBlank(_text[start])) start++;
        while (end > start && IsBlank(_text[end - 1])) end--;
        column = start + 1;
        _at = _text.Length;
        return _text[start..end];
    }

    /// <summary>The 1-based column at which <paramref name="part"/>, a slice of <paramref name="line"/>, starts.</summary>
    public static int ColumnOf(ReadOnlySpan<byte> line, ReadOnlySpan<byte> part) =>
        (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(line), ref MemoryMarshal.GetReference(part)) + 1;

    public static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\f' or (byte)'\v';

    /// <summary>Parses a decimal integer (optional minus sign, no other characters).</summary>
    public static bool TryInt(ReadOnlySpan<byte> field, out int value)
    {
        value = 0;
        if (field.IsEmpty) return false;
        bool negative = field[0] == '-';
        int i = negative ? 1 : 0;
        if (i == field.Length) return false;
        long v = 0;
        for (; i < field.Length; i++)
        {
            int d = field[i] - '0';
            if ((uint)d > 9) return false;
            v = v * 10 + d;
            if (v > int.MaxValue) return false;
        }
        value = (int)(negative ? -v : v);
        return true;
    }

    /// <summary>Parses a finite real number in invariant notation ("1", "1.0", "0.237788", "1e-3").</summary>
    public static bool TryReal(ReadOnlySpan<byte> field, out double value)
    {
        // The common cases ("1", "1.0", "0", "0.0") without the general parser.
        if (field.Length == 1 && (uint)(field[0] - '0') <= 9)
        {
            value = field[0] - '0';
            return true;
        }
        if (field.Length == 3 && field[1] == '.' && field[2] == '0' && (uint)(field[0] - '0') <= 9)
        {
            value = field[0] - '0';
            return true;
        }
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>The text of a field for a message (at most 40 characters, non-ASCII shown as '?').</summary>
    public static string Show(ReadOnlySpan<byte> field)
    {
        var span = field.Length > 40 ? field[..40] : field;
        var chars = new char[span.Length];
        for (int i = 0; i < span.Length; i++) chars[i] = span[i] is >= 0x20 and < 0x7F ? (char)span[i] : '?';
        return new string(chars) + (field.Length > 40 ? "…" : "");
    }
}
