using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Yalu.Market.Setoff;

namespace Yalu.Formats.Setoff;

/// <summary>
/// Reads obligation lists for <c>yalu setoff</c>: comma-separated text with a header naming the
/// columns <c>debtor</c>, <c>creditor</c>, <c>amount</c> (as in enricobottazzi/mtcsPy's data sets) and
/// optionally <c>id</c> (as in informalsystems/mtcs), in any order, then one obligation a line: the
/// debtor owes the creditor a positive whole amount. See docs/setoff.md for the codes.
/// </summary>
/// <remarks>
/// <para>Party names and ids are opaque text (UTF-8, no quotes, commas or control characters, at most
/// <see cref="MaxNameBytes"/> bytes; spaces around a field are dropped); amounts are decimal integers
/// that fit in 64 bits, and so must their total. Blank lines are skipped; a UTF-8 byte order mark and
/// CRLF line ends are accepted. Every error is a value with file, line and column (codes
/// <c>SO001</c>…), never an exception, and with any error nothing is returned; at most
/// <see cref="MaxErrors"/> are reported.</para>
/// <para>Fast on large files: one pass over the bytes, fields as spans, a string allocated only for a
/// party's first appearance (and for ids). The per-line methods are compiled fully optimised at once
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a command line reads one file and exits,
/// and tiered compilation would run most of a 285,000-line file in unoptimised code before it
/// promoted them (the read took 0.3 s of CPU instead of 0.1 s). Stateless and thread-safe.</para>
/// </remarks>
public static class ObligationListReader
{
    /// <summary>The most errors reported before reading stops (<c>SO011</c>).</summary>
    public const int MaxErrors = 100;

    /// <summary>The longest party name or id, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 256;

    private static readonly SearchValues<byte> BadNameBytes = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', 0x7F]);

    /// <summary>Reads the file at <paramref name="path"/>; throws only for I/O failures (missing file, no access).</summary>
    public static ParseResult<ObligationList> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads an obligation list held in a string (tests, and callers holding the text).</summary>
    public static ParseResult<ObligationList> ReadText(string text, string source = "-")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text), source);
    }

    /// <summary>Reads an obligation list from its bytes; <paramref name="source"/> names it in diagnostics.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ParseResult<ObligationList> Read(ReadOnlySpan<byte> bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var state = new State(source);
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        int lineNumber = 0;
        Header? header = null;
        while (!bytes.IsEmpty && state.Errors.Count < MaxErrors)
        {
            lineNumber++;
            int end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            if (line.Trim(" \t"u8).IsEmpty) continue;
            if (header is null)
            {
                header = ReadHeader(line, lineNumber, state);
                if (header is null) return state.Fail();
                continue;
            }
            ReadObligation(line, lineNumber, header, state);
        }
        if (state.Errors.Count >= MaxErrors && !bytes.IsEmpty)
            state.Error(lineNumber, 0, "SO011", $"more than {MaxErrors} errors; stopped reading");
        if (header is null)
        {
            state.Error(Math.Max(lineNumber, 1), 0, "SO001", "no header: the file is empty; expected a line 'debtor,creditor,amount' or 'id,debtor,creditor,amount'");
            return state.Fail();
        }
        if (state.Errors.Count > 0) return state.Fail();
        var network = ObligationNetwork.Create(state.Names.Count, state.Obligations);
        // Every check Create makes was made line by line above, with the line to show for it.
        if (!network.IsOk) throw new InvalidOperationException($"obligation list accepted but network refused: {network.Error.Message}");
        return new ParseResult<ObligationList>(
            new ObligationList(network.Value, [.. state.Names], header.Id >= 0 ? [.. state.Ids!] : null), [], []);
    }

    private static Header? ReadHeader(ReadOnlySpan<byte> line, int lineNumber, State state)
    {
        int id = -1, debtor = -1, creditor = -1, amount = -1, count = 0;
        int errorsBefore = state.Errors.Count;
        bool ok = true;
        foreach (var range in line.Split((byte)','))
        {
            var raw = line[range];
            var name = raw.Trim(" \t"u8);
            int column = range.Start.Value + 1;
            ref int slot = ref id;
            if (Ascii.EqualsIgnoreCase(name, "id"u8)) slot = ref id;
            else if (Ascii.EqualsIgnoreCase(name, "debtor"u8)) slot = ref debtor;
            else if (Ascii.EqualsIgnoreCase(name, "creditor"u8)) slot = ref creditor;
            else if (Ascii.EqualsIgnoreCase(name, "amount"u8)) slot = ref amount;
            else
            {
                state.Error(lineNumber, column, "SO002", $"unknown column '{Show(name)}' in the header: the columns are id (optional), debtor, creditor and amount");
                ok = false;
                count++;
                continue;
            }
            if (slot >= 0)
            {
                state.Error(lineNumber, column, "SO002", $"column '{Show(name)}' appears twice in the header");
                ok = false;
            }
            slot = count++;
        }
        if (id < 0 && debtor < 0 && creditor < 0 && amount < 0)
        {
            // Not a bad header but none at all (data from the first line, or another kind of file).
            state.Errors.RemoveRange(errorsBefore, state.Errors.Count - errorsBefore);
            state.Error(lineNumber, 0, "SO001", $"no header: the first line '{Show(line)}' names none of the columns; expected 'debtor,creditor,amount' or 'id,debtor,creditor,amount'");
            return null;
        }
        foreach (var (index, name) in new[] { (debtor, "debtor"), (creditor, "creditor"), (amount, "amount") })
        {
            if (index >= 0) continue;
            state.Error(lineNumber, 0, "SO002", $"the header lacks the column '{name}': expected 'debtor,creditor,amount' or 'id,debtor,creditor,amount'");
            ok = false;
        }
        if (!ok) return null;
        if (id >= 0) state.Ids = [];
        return new Header(id, debtor, creditor, amount, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadObligation(ReadOnlySpan<byte> line, int lineNumber, Header header, State state)
    {
        Span<Range> ranges = stackalloc Range[4];
        if (!SplitFields(line, ranges[..header.Count]))
        {
            int found = line.Count((byte)',') + 1;
            state.Error(lineNumber, 0, "SO003", $"{found} field(s), expected {header.Count} ({header.Names})");
            return;
        }
        int errors = state.Errors.Count;
        var debtorField = Field(line, ranges[header.Debtor], out int debtorColumn);
        var creditorField = Field(line, ranges[header.Creditor], out int creditorColumn);
        int debtor = state.Party(debtorField, lineNumber, debtorColumn, "debtor");
        int creditor = state.Party(creditorField, lineNumber, creditorColumn, "creditor");
        long amount = ReadAmount(Field(line, ranges[header.Amount], out int amountColumn), lineNumber, amountColumn, state);
        string? id = null;
        if (header.Id >= 0)
        {
            var idField = Field(line, ranges[header.Id], out int idColumn);
            id = state.Name(idField, lineNumber, idColumn, "id");
            if (id is not null && !state.SeenIds.Add(id))
                state.Error(lineNumber, idColumn, "SO010", $"id '{id}' appears on an earlier line: ids name one obligation each");
        }
        if (debtor >= 0 && debtor == creditor)
            state.Error(lineNumber, creditorColumn, "SO007", $"'{state.Names[debtor]}' owes itself: debtor and creditor must differ");
        if (state.Errors.Count > errors) return;
        if (amount > long.MaxValue - state.Total)
        {
            if (!state.TotalOverflowed)
                state.Error(lineNumber, amountColumn, "SO009", $"the total debt passes {long.MaxValue} (64 bits) here");
            state.TotalOverflowed = true;
            return;
        }
        state.Total += amount;
        state.Obligations.Add(new Obligation(debtor, creditor, amount));
        state.Ids?.Add(id!);
    }

    /// <summary>Splits <paramref name="line"/> at commas into exactly <c>ranges.Length</c> fields; false for any other count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SplitFields(ReadOnlySpan<byte> line, Span<Range> ranges)
    {
        int start = 0;
        for (int f = 0; f < ranges.Length - 1; f++)
        {
            int comma = line[start..].IndexOf((byte)',');
            if (comma < 0) return false;
            ranges[f] = new Range(start, start + comma);
            start += comma + 1;
        }
        if (line[start..].Contains((byte)',')) return false;
        ranges[^1] = new Range(start, line.Length);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long ReadAmount(ReadOnlySpan<byte> field, int lineNumber, int column, State state)
    {
        bool negative = !field.IsEmpty && field[0] == (byte)'-';
        var digits = negative || (!field.IsEmpty && field[0] == (byte)'+') ? field[1..] : field;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            state.Error(lineNumber, column, "SO004", $"amount '{Show(field)}' is not a whole number");
            return -1;
        }
        digits = digits.TrimStart((byte)'0');
        if (digits.IsEmpty)
        {
            state.Error(lineNumber, column, "SO005", "amount is zero: an obligation owes a positive amount");
            return -1;
        }
        if (negative)
        {
            state.Error(lineNumber, column, "SO005", $"amount '{Show(field)}' is negative: an obligation owes a positive amount");
            return -1;
        }
        ulong value = 0;
        foreach (byte b in digits)
        {
            // Past 19 digits or long.MaxValue the amount does not fit in 64 bits.
            if (value > (long.MaxValue - 9) / 10 && (value > long.MaxValue / 10 || (long)value * 10 > long.MaxValue - (b - '0')))
            {
                state.Error(lineNumber, column, "SO006", $"amount '{Show(field)}' does not fit in 64 bits (at most {long.MaxValue})");
                return -1;
            }
            value = (value * 10) + (ulong)(b - '0');
        }
        return (long)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, Range range, out int column)
    {
        var raw = line[range];
        var trimmed = raw.TrimStart(" \t"u8);
        column = range.Start.Value + (raw.Length - trimmed.Length) + 1;
        return trimmed.TrimEnd(" \t"u8);
    }

    /// <summary>A field as text for a message: at most 40 bytes, invalid UTF-8 replaced.</summary>
    private static string Show(ReadOnlySpan<byte> field)
    {
        string text = Encoding.UTF8.GetString(field.Length > 40 ? field[..40] : field);
        text = string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
        return field.Length > 40 ? text + "…" : text;
    }

    private sealed record Header(int Id, int Debtor, int Creditor, int Amount, int Count)
    {
        public string Names => Id >= 0 ? "id, debtor, creditor, amount" : "debtor, creditor, amount";
    }

    private sealed class State
    {
        private readonly string _source;
        private readonly Dictionary<string, int> _parties = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _numbered = [];
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public State(string source)
        {
            _source = source;
            _lookup = _parties.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public List<FormatDiagnostic> Errors { get; } = [];

        /// <summary>Party names by index, in order of first appearance.</summary>
        public List<string> Names { get; } = [];

        public List<Obligation> Obligations { get; } = [];

        public List<string>? Ids { get; set; }

        public HashSet<string> SeenIds { get; } = new(StringComparer.Ordinal);

        public long Total { get; set; }

        public bool TotalOverflowed { get; set; }

        public void Error(int line, int column, string code, string message) =>
            Errors.Add(new FormatDiagnostic(_source, line, column, code, message));

        public ParseResult<ObligationList> Fail() => new(null, Errors, []);

        /// <summary>The index of the party named <paramref name="field"/>, numbered on first sight; −1 after an error.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Party(ReadOnlySpan<byte> field, int line, int column, string what)
        {
            // Most lists number their parties: a canonical decimal (no sign, no leading zero, at most
            // 18 digits) is looked up by its value, with no text decoding or string hashing. "007"
            // is not canonical and goes the text way, so it stays a different party from "7".
            if (Canonical(field, out long number))
            {
                if (_numbered.TryGetValue(number, out int known)) return known;
                int added = Names.Count;
                _numbered.Add(number, added);
                Names.Add(Encoding.ASCII.GetString(field));
                return added;
            }
            Span<char> chars = stackalloc char[MaxNameBytes];
            if (!Check(field, line, column, what, chars, out int length)) return -1;
            var name = chars[..length];
            if (_lookup.TryGetValue(name, out int index)) return index;
            index = Names.Count;
            string text = name.ToString();
            _parties.Add(text, index);
            Names.Add(text);
            return index;
        }

        private static bool Canonical(ReadOnlySpan<byte> field, out long number)
        {
            number = 0;
            if (field.IsEmpty || field.Length > 18 || (field[0] == (byte)'0' && field.Length > 1)) return false;
            foreach (byte b in field)
            {
                uint digit = (uint)(b - '0');
                if (digit > 9) return false;
                number = (number * 10) + digit;
            }
            return true;
        }

        /// <summary>The field as a string when it is a valid name; null after an error.</summary>
        public string? Name(ReadOnlySpan<byte> field, int line, int column, string what)
        {
            Span<char> chars = stackalloc char[MaxNameBytes];
            return Check(field, line, column, what, chars, out int length) ? chars[..length].ToString() : null;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Check(ReadOnlySpan<byte> field, int line, int column, string what, Span<char> chars, out int length)
        {
            length = 0;
            if (field.IsEmpty)
            {
                Error(line, column, "SO008", $"the {what} is empty");
                return false;
            }
            if (field.Length > MaxNameBytes)
            {
                Error(line, column, "SO008", $"the {what} '{Show(field)}' is longer than {MaxNameBytes} bytes");
                return false;
            }
            int bad = field.IndexOfAny(BadNameBytes);
            if (bad >= 0)
            {
                Error(line, column + bad, "SO008", $"the {what} '{Show(field)}' holds a quote or a control character: names are plain text (quoted CSV fields are not read)");
                return false;
            }
            if (Utf8.ToUtf16(field, chars, out _, out length, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                Error(line, column, "SO008", $"the {what} '{Show(field)}' is not valid UTF-8");
                return false;
            }
            return true;
        }
    }
}
