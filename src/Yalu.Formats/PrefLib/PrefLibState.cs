using System.Globalization;
using System.Text;
using Yalu.Market.Graphs;

namespace Yalu.Formats.PrefLib;

/// <summary>The working state of <see cref="PrefLibReader"/> for one file: header, names and arcs seen so far.</summary>
internal sealed class PrefLibState(string source)
{
    private readonly List<FormatDiagnostic> _errors = [];
    private readonly List<int> _from = [];
    private readonly List<int> _to = [];
    private readonly List<double> _weight = [];
    private readonly HashSet<long> _seen = [];
    private int _vertexCount = -1;
    private int _edgeCount = -1;
    private int _edgeLines;
    private string?[] _names = [];
    private bool[] _donor = [];
    private bool _arcsStarted;
    private bool _missingCountReported;
    private int _oldNamesLeft;
    private int _oldNameBase = -1;
    private int _oldNamesRead;
    private int _lastLine;

    public int ErrorCount => _errors.Count;

    public void Error(int line, int column, string code, string message) =>
        _errors.Add(new FormatDiagnostic(source, line, column, code, message));

    /// <summary>A line of the current layout: a <c>#</c> header line or an arc.</summary>
    public void ReadLine(ref TextLine line)
    {
        _lastLine = line.Number;
        var text = line.Text.TrimStart(" \t"u8);
        if (!text.IsEmpty && text[0] == '#')
        {
            ReadHeader(ref line);
            return;
        }
        if (_vertexCount < 0)
        {
            if (!_missingCountReported)
                Error(line.Number, 0, "PL002", "an arc comes before the header line '# NUMBER ALTERNATIVES: n'");
            _missingCountReported = true;
            return;
        }
        ReadArc(ref line, idBase: 1);
    }

    private void ReadHeader(ref TextLine line)
    {
        var text = line.Text;
        int hash = text.IndexOf((byte)'#');
        var body = text[(hash + 1)..];
        int colon = body.IndexOf((byte)':');
        if (colon < 0) return;
        var key = body[..colon].Trim(" \t"u8);
        var value = body[(colon + 1)..].Trim(" \t"u8);
        int valueColumn = TextLine.ColumnOf(text, value);
        if (key.SequenceEqual("NUMBER ALTERNATIVES"u8))
        {
            if (!TextLine.TryInt(value, out int n) || n < 0)
            {
                Error(line.Number, valueColumn, "PL003", $"NUMBER ALTERNATIVES must be a non-negative integer, not '{TextLine.Show(value)}'");
                return;
            }
            if (_vertexCount >= 0)
            {
                Error(line.Number, 0, "PL003", "NUMBER ALTERNATIVES is given twice");
                return;
            }
            if (n > PrefLibReader.MaxVertices)
            {
                Error(line.Number, valueColumn, "PL013", TooMany(n));
                return;
            }
            SetVertexCount(n);
        }
        else if (key.SequenceEqual("NUMBER EDGES"u8))
        {
            if (!TextLine.TryInt(value, out int m) || m < 0)
            {
                Error(line.Number, valueColumn, "PL003", $"NUMBER EDGES must be a non-negative integer, not '{TextLine.Show(value)}'");
                return;
            }
            _edgeCount = m;
        }
        else if (key.StartsWith("ALTERNATIVE NAME"u8))
        {
            var number = key["ALTERNATIVE NAME"u8.Length..].Trim(" \t"u8);
            int numberColumn = TextLine.ColumnOf(text, number);
            if (_vertexCount < 0)
            {
                Error(line.Number, 0, "PL002", "an ALTERNATIVE NAME line comes before '# NUMBER ALTERNATIVES: n'");
                return;
            }
            if (_arcsStarted)
            {
                Error(line.Number, 0, "PL011", "ALTERNATIVE NAME lines must come before the arcs");
                return;
            }
            if (!TextLine.TryInt(number, out int i) || i < 1 || i > _vertexCount)
            {
                Error(line.Number, numberColumn, "PL011", $"alternative number '{TextLine.Show(number)}' is not between 1 and {_vertexCount}");
                return;
            }
            SetName(i - 1, value, line.Number);
        }
    }

    /// <summary>The first line of the old layout: <c>n,m</c>.</summary>
    public void ReadOldHeader(ref TextLine line)
    {
        _lastLine = line.Number;
        if (!line.NextField(out var first, out int c1) || !TextLine.TryInt(first, out int n) || n < 0)
        {
            Error(line.Number, c1, "PL001", "not a .wmd file: the first line is neither a '#' header line nor 'vertices,edges'");
            return;
        }
        if (!line.NextField(out var second, out int c2) || !TextLine.TryInt(second, out int m) || m < 0)
        {
            Error(line.Number, c2, "PL003", "the old layout's first line is 'vertices,edges': the number of edges is missing or not an integer");
            return;
        }
        if (!line.AtEnd)
        {
            Error(line.Number, line.NextColumn, "PL003", "the old layout's first line is 'vertices,edges' and has nothing after them");
            return;
        }
        if (n > PrefLibReader.MaxVertices)
        {
            Error(line.Number, c1, "PL013", TooMany(n));
            return;
        }
        SetVertexCount(n);
        _edgeCount = m;
        _oldNamesLeft = n;
    }

    /// <summary>A line of the old layout after the first: a vertex name (the first n) or an arc (0-based).</summary>
    public void ReadOldLine(ref TextLine line)
    {
        _lastLine = line.Number;
        if (_vertexCount < 0) return; // the first line was bad and reported
        if (_oldNamesLeft > 0)
        {
            _oldNamesLeft--;
            if (!line.NextField(out var number, out int c) || !TextLine.TryInt(number, out int i))
            {
                Error(line.Number, c, "PL012", $"expected a vertex line 'number,name' ({_vertexCount} of them follow the first line)");
                return;
            }
            if (_oldNameBase < 0) _oldNameBase = i == 0 ? 0 : 1;
            int expected = _oldNamesRead + _oldNameBase;
            _oldNamesRead++;
            if (i != expected)
            {
                Error(line.Number, c, "PL012", $"vertex lines are numbered in order: expected {expected}, found {i}");
                return;
            }
            var name = line.Rest(out _);
            SetName(_oldNamesRead - 1, name, line.Number);
            return;
        }
        ReadArc(ref line, idBase: 0);
    }

    private static string TooMany(int n) =>
        $"the file declares {n} vertices; Yalu reads at most {PrefLibReader.MaxVertices}";

    private void SetVertexCount(int n)
    {
        _vertexCount = n;
        _names = new string?[n];
        _donor = new bool[n];
    }

    private void SetName(int vertex, ReadOnlySpan<byte> name, int lineNumber)
    {
        if (_names[vertex] is not null)
        {
            Error(lineNumber, 0, "PL011", $"vertex {vertex + 1} is named twice");
            return;
        }
        string text = Encoding.UTF8.GetString(name);
        _names[vertex] = text;
        _donor[vertex] = text.StartsWith("Alturist", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Altruist", StringComparison.OrdinalIgnoreCase);
    }

    private void ReadArc(ref TextLine line, int idBase)
    {
        _arcsStarted = true;
        _edgeLines++;
        if (!line.NextField(out var a, out int ca) || !line.NextField(out var b, out int cb) || !line.NextField(out var w, out int cw))
        {
            Error(line.Number, 0, "PL004", "an arc line is 'source,target,weight'");
            return;
        }
        if (!line.AtEnd)
        {
            Error(line.Number, line.NextColumn, "PL004", "an arc line is 'source,target,weight' and has nothing after the weight");
            return;
        }
        int n = _vertexCount;
        if (!TextLine.TryInt(a, out int from) || from < idBase || from >= n + idBase)
        {
            Error(line.Number, ca, "PL005", VertexMessage(a, idBase));
            return;
        }
        if (!TextLine.TryInt(b, out int to) || to < idBase || to >= n + idBase)
        {
            Error(line.Number, cb, "PL005", VertexMessage(b, idBase));
            return;
        }
        if (!TextLine.TryReal(w, out double weight) || weight < 0)
        {
            Error(line.Number, cw, "PL006", $"the weight must be a finite non-negative number, not '{TextLine.Show(w)}'");
            return;
        }
        from -= idBase;
        to -= idBase;
        if (from == to)
        {
            Error(line.Number, cb, "PL007", $"vertex {from + 1} has an arc to itself");
            return;
        }
        if (!_seen.Add(((long)from * n) + to))
        {
            Error(line.Number, ca, "PL008", $"the arc {from + idBase},{to + idBase} is given twice");
            return;
        }
        if (_donor[to])
        {
            // Only marks that a chain may end at 'from'; every chain may end anywhere.
            if (weight != 0)
                Error(line.Number, cw, "PL009", $"vertex {to + 1} is a donor ({_names[to]}) and receives nothing: an arc into it must have weight 0, not '{TextLine.Show(w)}'");
            return;
        }
        _from.Add(from);
        _to.Add(to);
        _weight.Add(weight);
    }

    private string VertexMessage(ReadOnlySpan<byte> field, int idBase) =>
        $"'{TextLine.Show(field)}' is not a vertex: vertices are {idBase} to {_vertexCount - 1 + idBase}{(idBase == 0 ? " (the old layout numbers arcs from 0)" : "")}";

    public ParseResult<WantGraph> Finish(int lastLine)
    {
        if (_errors.Count == 0 && _vertexCount < 0)
            Error(Math.Max(1, lastLine), 0, "PL002", "the header has no '# NUMBER ALTERNATIVES: n' line");
        if (_errors.Count == 0 && _oldNamesLeft > 0)
            Error(Math.Max(1, lastLine), 0, "PL012", $"the file ends before its {_vertexCount} vertex lines do");
        if (_errors.Count == 0 && _edgeCount >= 0 && _edgeCount != _edgeLines)
            Error(Math.Max(1, _lastLine), 0, "PL010", $"the header says {_edgeCount} edges but the file has {_edgeLines}");
        if (_errors.Count > 0) return new ParseResult<WantGraph>(null, _errors, []);

        var builder = new WantGraphBuilder(nonTradeCost: 1_000_000_000L);
        for (int v = 0; v < _vertexCount; v++)
        {
            string name = (v + 1).ToString(CultureInfo.InvariantCulture);
            builder.AddItem(name, name, owner: -1, isDummy: false, isDonor: _donor[v]);
        }
        for (int e = 0; e < _from.Count; e++) builder.AddWant(_to[e], _from[e], cost: 1, weight: _weight[e]);
        return new ParseResult<WantGraph>(builder.Build(), _errors, []);
    }
}
