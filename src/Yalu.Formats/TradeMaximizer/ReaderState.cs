using Yalu.Market.Graphs;

namespace Yalu.Formats.TradeMaximizer;

/// <summary>
/// The reader's working state for one file: options, official names and the want lists seen so far.
/// Lines are read first (want lists may name items defined further down); the graph is built at the end.
/// </summary>
internal sealed class ReaderState(string source)
{
    private const int ScaledNumerator = 2520;
    private const long MaxRank = 1L << 53;
    private const long MaxSquaredRank = 2_000_000_000L;

    private readonly List<FormatDiagnostic> _errors = [];
    private readonly List<FormatDiagnostic> _warnings = [];
    private readonly List<string> _optionEcho = [];
    private readonly List<RawWantList> _wantLists = [];
    private TradeMaximizerOptions _options = new();
    private HashSet<string>? _officialNames;
    private bool _readingOfficialNames;
    private int _officialNamesLine;
    private bool _bigStepSet;
    private bool _smallStepSet;

    public void ReadLine(string rawLine, int lineNumber)
    {
        int start = 0, end = rawLine.Length;
        while (start < end && rawLine[start] <= ' ') start++;
        while (end > start && rawLine[end - 1] <= ' ') end--;
        if (start == end) return;
        var line = new Line(rawLine[start..end], lineNumber, start);

        if (line.Text.StartsWith("#!", StringComparison.Ordinal))
        {
            ReadOptions(line);
            return;
        }
        if (line.Text[0] == '#') return;

        int hash = line.Text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (!_readingOfficialNames)
            {
                Error(line, hash, "TM006", "Comments (#...) cannot be used after beginning of line");
                return;
            }
            if (FirstNameToken(line.Text).Contains('#', StringComparison.Ordinal))
            {
                Error(line, hash, "TM007", "# symbol cannot be used in an item name");
                return;
            }
        }

        if (line.Text.Equals("!BEGIN-OFFICIAL-NAMES", StringComparison.OrdinalIgnoreCase))
        {
            if (_officialNames is not null) Error(line, 0, "TM008", "Cannot begin official names more than once");
            else if (_wantLists.Count > 0) Error(line, 0, "TM009", "Official names cannot be declared after first real want list");
            else
            {
                _officialNames = new HashSet<string>(StringComparer.Ordinal);
                _readingOfficialNames = true;
                _officialNamesLine = line.Number;
            }
            return;
        }
        if (line.Text.Equals("!END-OFFICIAL-NAMES", StringComparison.OrdinalIgnoreCase))
        {
            if (!_readingOfficialNames) Error(line, 0, "TM010", "!END-OFFICIAL-NAMES without matching !BEGIN-OFFICIAL-NAMES");
            _readingOfficialNames = false;
            return;
        }
        if (_readingOfficialNames)
        {
            ReadOfficialName(line);
            return;
        }
        ReadWantList(line);
    }

    private void ReadOptions(Line line)
    {
        if (_wantLists.Count > 0)
        {
            Error(line, 0, "TM001", "Options (#!...) cannot be declared after first real want list");
            return;
        }
        if (_officialNames is not null)
        {
            Error(line, 0, "TM002", "Options (#!...) cannot be declared after official names");
            return;
        }
        string text = line.Text;
        int i = 2;
        while (i < text.Length)
        {
            while (i < text.Length && IsSpace(text[i])) i++;
            if (i >= text.Length) break;
            int begin = i;
            while (i < text.Length && !IsSpace(text[i])) i++;
            string option = text[begin..i].ToUpperInvariant();
            if (ApplyOption(option, line, begin)) _optionEcho.Add(option);
        }
    }

    /// <summary>Applies one option; false (with an error) when it is unknown or malformed.</summary>
    private bool ApplyOption(string option, Line line, int at)
    {
        int eq = option.IndexOf('=', StringComparison.Ordinal);
        string key = eq < 0 ? option : option[..(eq + 1)];
        string arg = eq < 0 ? "" : option[(eq + 1)..];
        switch (key)
        {
            case "CASE-SENSITIVE": _options = _options with { CaseSensitive = true }; return true;
            case "REQUIRE-COLONS": _options = _options with { RequireColons = true }; return true;
            case "REQUIRE-USERNAMES": _options = _options with { RequireUsernames = true }; return true;
            case "HIDE-ERRORS": _options = _options with { ShowErrors = false }; return true;
            case "HIDE-REPEATS": _options = _options with { ShowRepeats = false }; return true;
            case "HIDE-LOOPS": _options = _options with { ShowLoops = false }; return true;
            case "HIDE-SUMMARY": _options = _options with { ShowSummary = false }; return true;
            case "HIDE-NONTRADES": _options = _options with { ShowNonTrades = false }; return true;
            case "HIDE-STATS": _options = _options with { ShowStats = false }; return true;
            case "SHOW-MISSING": _options = _options with { ShowMissing = true }; return true;
            case "SORT-BY-ITEM": _options = _options with { SortByItem = true }; return true;
            case "ALLOW-DUMMIES": _options = _options with { AllowDummies = true }; return true;
            case "SHOW-ELAPSED-TIME": _options = _options with { ShowElapsedTime = true }; return true;
            case "LINEAR-PRIORITIES": _options = _options with { Priorities = PriorityScheme.Linear }; return true;
            case "TRIANGLE-PRIORITIES": _options = _options with { Priorities = PriorityScheme.Triangle }; return true;
            case "SQUARE-PRIORITIES": _options = _options with { Priorities = PriorityScheme.Square }; return true;
            case "EXPLICIT-PRIORITIES": _options = _options with { Priorities = PriorityScheme.Explicit }; return true;
            case "SCALED-PRIORITIES":
                if (_bigStepSet && _options.BigStep != 0) return Error(line, at, "TM005", "Do not set BIG-STEP when using SCALED-PRIORITIES");
                if (_smallStepSet && _options.SmallStep != 1) return Error(line, at, "TM005", "Do not set SMALL-STEP when using SCALED-PRIORITIES");
                _options = _options with { Priorities = PriorityScheme.Scaled, BigStep = 0 };
                return true;
            case "SMALL-STEP=":
                if (!TryParseNumber(arg, allowZero: true, out long small) || small > int.MaxValue)
                    return Error(line, at, "TM004", "SMALL-STEP argument must be a non-negative integer");
                if (_options.Priorities == PriorityScheme.Scaled && small != 1)
                    return Error(line, at, "TM005", "Do not set SMALL-STEP when using SCALED-PRIORITIES");
                _options = _options with { SmallStep = (int)small };
                _smallStepSet = true;
                return true;
            case "BIG-STEP=":
                if (!TryParseNumber(arg, allowZero: true, out long big) || big > int.MaxValue)
                    return Error(line, at, "TM004", "BIG-STEP argument must be a non-negative integer");
                if (_options.Priorities == PriorityScheme.Scaled && big != 0)
                    return Error(line, at, "TM005", "Do not set BIG-STEP when using SCALED-PRIORITIES");
                _options = _options with { BigStep = (int)big };
                _bigStepSet = true;
                return true;
            case "NONTRADE-COST=":
                if (!TryParseNumber(arg, allowZero: false, out long nonTrade) || nonTrade > 1_000_000_000_000_000_000L)
                    return Error(line, at, "TM004", "NONTRADE-COST argument must be a positive integer (at most 10^18)");
                _options = _options with { NonTradeCost = nonTrade };
                return true;
            case "ITERATIONS=":
                if (!TryParseNumber(arg, allowZero: false, out long iterations) || iterations > 1_000_000)
                    return Error(line, at, "TM004", "ITERATIONS argument must be a positive integer (at most 1000000)");
                _options = _options with { Iterations = (int)iterations };
                return true;
            case "SEED=":
                if (!TryParseNumber(arg, allowZero: false, out long seed))
                    return Error(line, at, "TM004", "SEED argument must be a positive integer");
                _options = _options with { Seed = seed };
                return true;
            case "SHRINK=":
                if (arg.Length != 1 || !char.IsAsciiDigit(arg[0]))
                    return Error(line, at, "TM004", "SHRINK argument must be a single digit");
                _options = _options with { Shrink = arg[0] - '0' };
                if (_options.Shrink > 0)
                    Warn(line, at, "TM101", $"{option} only speeds TradeMaximizer up; Yalu's solve is exact without it");
                return true;
            case "SHRINK-VERBOSE":
            case "SHOW-WANTS":
            case "VERBOSE":
            case "DEBUG":
                Warn(line, at, "TM100", $"option {option} is accepted; Yalu does not act on it");
                return true;
            case "METRIC=":
                if (arg.StartsWith("FAVOR-USER=", StringComparison.Ordinal) && arg.Length > "FAVOR-USER=".Length)
                {
                    _options = _options with { FavorUser = arg["FAVOR-USER=".Length..] };
                    return true;
                }
                if (arg is not ("USERS-TRADING" or "USERS-SOS" or "CHAIN-SIZES-SOS"))
                    return Error(line, at, "TM004", $"Unknown metric option \"{arg}\" (known: USERS-TRADING, USERS-SOS, CHAIN-SIZES-SOS, FAVOR-USER=NAME)");
                _options = _options with { Metric = arg };
                return true;
            case "FAVOR-USER=":
                if (arg.Length == 0) return Error(line, at, "TM004", "FAVOR-USER argument must not be empty");
                _options = _options with { FavorUser = arg };
                return true;
            case "GEEKLIST=":
            case "CODE-DIGITS=":
            case "CODE-LETTERS=":
            case "YEAR=":
            case "MONTH=":
                Warn(line, at, "TM100", $"option {option} (TradeMaximizerOz) is accepted; Yalu does not act on it");
                return true;
            default:
                return Error(line, at, "TM003", $"Unknown option \"{option}\"");
        }
    }

    private static bool TryParseNumber(string text, bool allowZero, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 19) return false;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        if (!allowZero && text[0] == '0') return false;
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private void ReadOfficialName(Line line)
    {
        if (line.Text[0] == ':')
        {
            Error(line, 0, "TM011", "Line cannot begin with colon");
            return;
        }
        if (line.Text[0] == '%')
        {
            Error(line, 0, "TM012", "Cannot give official names for dummy items");
            return;
        }
        string name = FirstNameToken(line.Text);
        if (!_options.CaseSensitive) name = name.ToUpperInvariant();
        if (!_officialNames!.Add(name)) Error(line, 0, "TM013", $"Official name {name} already defined");
    }

    /// <summary>The first token of a line split at a colon or white space, as TradeMaximizer takes it.</summary>
    private static string FirstNameToken(string text)
    {
        int i = 0;
        while (i < text.Length && text[i] != ':' && !IsSpace(text[i])) i++;
        return text[..i];
    }

    private void ReadWantList(Line line)
    {
        string text = line.Text;
        string? user = null;
        int restStart = 0;
        if (_options.RequireUsernames && !text.Contains('(', StringComparison.Ordinal))
        {
            Error(line, 0, "TM014", "Missing username with REQUIRE-USERNAMES selected");
            return;
        }
        if (text[0] == '(')
        {
            int close = text.IndexOf(')', StringComparison.Ordinal);
            if (text.LastIndexOf('(') > 0) { Error(line, text.LastIndexOf('('), "TM015", "Cannot have more than one '(' per line"); return; }
            if (close < 0) { Error(line, 0, "TM016", "Missing ')' in username"); return; }
            if (close == text.Length - 1) { Error(line, close, "TM017", "Username cannot appear on a line by itself"); return; }
            if (text.LastIndexOf(')') > close) { Error(line, text.LastIndexOf(')'), "TM018", "Cannot have more than one ')' per line"); return; }
            if (close == 1) { Error(line, 0, "TM019", "Cannot have empty parentheses"); return; }
            user = text[1..close];
            restStart = close + 1;
        }
        else if (text.IndexOf('(', StringComparison.Ordinal) > 0)
        {
            Error(line, text.IndexOf('(', StringComparison.Ordinal), "TM020", "Username can only be used at the front of a want list");
            return;
        }
        else if (text.IndexOf(')', StringComparison.Ordinal) > 0)
        {
            Error(line, text.IndexOf(')', StringComparison.Ordinal), "TM021", "Bad ')' on a line that does not have a '('");
            return;
        }

        int colon = text.IndexOf(':', restStart);
        int semi = text.IndexOf(';', restStart);
        if (semi >= 0)
        {
            if (colon >= 0 && semi < colon) { Error(line, semi, "TM022", "Semicolon cannot appear before colon"); return; }
            if (text.AsSpan(restStart, semi - restStart).Trim().IsEmpty) { Error(line, semi, "TM023", "Semicolon cannot appear before first item on line"); return; }
        }
        if (colon >= 0)
        {
            int second = text.IndexOf(':', colon + 1);
            if (second >= 0) { Error(line, second, "TM024", "Cannot have more than one colon on a line"); return; }
            var header = text.AsSpan(restStart, colon - restStart).Trim();
            if (header.IsEmpty || header.IndexOfAny(' ', '\t') >= 0 || header.ContainsAny('(', ')') || HasSpace(header))
            {
                Error(line, colon, "TM025", "Must have exactly one item before a colon (:)");
                return;
            }
        }
        else if (_options.RequireColons)
        {
            Error(line, 0, "TM026", "Missing colon with REQUIRE-COLONS selected");
            return;
        }

        // Upper-casing keeps every index (simple case mapping), so tokens are found once, in the folded text.
        string folded = _options.CaseSensitive ? text : text.ToUpperInvariant();
        int i = restStart;
        while (i < text.Length && (IsSpace(text[i]) || i == colon)) i++;
        int begin = i;
        while (i < text.Length && !IsSpace(text[i]) && text[i] != ';' && i != colon) i++;
        if (begin == i)
        {
            Error(line, 0, "TM017", "Username cannot appear on a line by itself");
            return;
        }
        if (!_options.CaseSensitive) user = user?.ToUpperInvariant();
        _wantLists.Add(new RawWantList(line.Number, user, text[begin..i], folded[begin..i], folded, i, colon));
    }

    public ParseResult<WantListDocument> Finish()
    {
        if (_readingOfficialNames)
        {
            _warnings.Add(new FormatDiagnostic(source, _officialNamesLine, 0, "TM027",
                "!BEGIN-OFFICIAL-NAMES has no matching !END-OFFICIAL-NAMES: every later line was read as an official name"));
        }
        if (_errors.Count > 0) return new ParseResult<WantListDocument>(null, _errors, _warnings);
        var problems = new List<string>();
        var graph = BuildGraph(problems, out var usedOfficial);
        List<string>? missing = null;
        if (_officialNames is not null)
        {
            missing = [.. _officialNames.Where(n => !usedOfficial.Contains(n))];
            missing.Sort(StringComparer.Ordinal);
        }
        if (_errors.Count > 0) return new ParseResult<WantListDocument>(null, _errors, _warnings);
        var document = new WantListDocument(source, _options, _optionEcho, graph, problems, missing);
        return new ParseResult<WantListDocument>(document, _errors, _warnings);
    }

    private WantGraph BuildGraph(List<string> problems, out HashSet<string> usedOfficial)
    {
        var options = _options;
        var builder = new WantGraphBuilder(options.NonTradeCost);
        usedOfficial = new HashSet<string>(StringComparer.Ordinal);
        var itemOf = new int[_wantLists.Count];
        var userLabel = new Dictionary<int, string>();

        // The items: one per want list, first definition wins.
        for (int w = 0; w < _wantLists.Count; w++)
        {
            var list = _wantLists[w];
            itemOf[w] = -1;
            string name = list.Item;
            bool isDummy = name[0] == '%';
            if (isDummy)
            {
                if (list.User is null) problems.Add($"**** Dummy item {name} declared without a username.");
                else if (!options.AllowDummies) problems.Add($"**** Dummy items not allowed. ({name})");
                else name = DummyKey(name, list.User);
            }
            if (_officialNames is not null && !isDummy && !_officialNames.Contains(name))
            {
                problems.Add($"**** Cannot define want list for {name} because it is not an official name.  (Usually indicates a typo by the item owner.)");
                continue;
            }
            if (builder.Find(name) >= 0)
            {
                problems.Add($"**** Item {name} has multiple want lists--ignoring all but first.  (Sometimes the result of an accidental line break in the middle of a want list.)");
                continue;
            }
            int owner = list.User is null ? -1 : builder.User(list.User);
            itemOf[w] = builder.AddItem(name, list.Label, owner, isDummy);
            if (_officialNames is not null && _officialNames.Contains(name)) usedOfficial.Add(name);
        }

        // The wants, ranked and costed as TradeMaximizer does; names are looked up as spans of the folded line.
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknownBySpan = unknown.GetAlternateLookup<ReadOnlySpan<char>>();
        var official = _officialNames?.GetAlternateLookup<ReadOnlySpan<char>>();
        var row = new List<(int To, long Cost)>();
        var inRow = new int[builder.ItemCount];
        char[] keyBuffer = new char[256];
        for (int w = 0; w < _wantLists.Count; w++)
        {
            int from = itemOf[w];
            if (from < 0) continue;
            var list = _wantLists[w];
            string fromName = builder.ItemNameOf(from);
            bool fromDummy = builder.IsDummyItem(from);
            row.Clear();
            long rank = 1;
            ReadOnlySpan<char> text = list.Text;
            int i = list.WantsStart;
            while (i < text.Length)
            {
                char ch = text[i];
                if (IsSpace(ch) || i == list.Colon)
                {
                    i++;
                    continue;
                }
                if (ch == ';')
                {
                    rank += options.BigStep;
                    i++;
                    continue;
                }
                int begin = i;
                while (i < text.Length && !IsSpace(text[i]) && text[i] != ';' && i != list.Colon) i++;
                ReadOnlySpan<char> toName = text[begin..i];

                int eq = toName.IndexOf('=');
                if (eq >= 0)
                {
                    if (options.Priorities != PriorityScheme.Explicit)
                    {
                        problems.Add($"**** Cannot use '=' annotation in item {toName} in want list for item {fromName} unless using EXPLICIT_PRIORITIES.");
                        continue;
                    }
                    var digits = toName[(eq + 1)..];
                    if (eq == 0 || digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
                    {
                        problems.Add($"**** Item {toName} in want list for item {fromName} must have the format 'name=number'.");
                        continue;
                    }
                    if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long explicitCost)
                        || explicitCost < 1 || explicitCost > 1_000_000_000_000L)
                    {
                        problems.Add(explicitCost < 1
                            ? $"**** Explicit priority must be positive in item {toName} in want list for item {fromName}."
                            : $"**** Explicit priority must be at most 1000000000000 in item {toName} in want list for item {fromName}.");
                        continue;
                    }
                    rank = explicitCost;
                    toName = toName[..eq];
                }
                if (toName[0] == '%')
                {
                    if (list.User is null)
                    {
                        problems.Add($"**** Dummy item {toName} used in want list for item {fromName}, which does not have a username.");
                        continue;
                    }
                    int keyLength = WriteDummyKey(toName, list.User, ref keyBuffer);
                    toName = keyBuffer.AsSpan(0, keyLength);
                }
                int to = builder.Find(toName);
                if (to < 0)
                {
                    if (official is { } names && names.Contains(toName)) rank += options.SmallStep;
                    else unknownBySpan[toName] = unknownBySpan.TryGetValue(toName, out int seen) ? seen + 1 : 1;
                    continue;
                }
                if (to == from)
                {
                    problems.Add($"**** Item {toName} appears in its own want list.");
                }
                else if (inRow[to] == w + 1)
                {
                    if (options.ShowRepeats) problems.Add($"**** Item {toName} is repeated in want list for {fromName}.");
                }
                else if (!builder.IsDummyItem(to) && list.User is not null && builder.OwnerOf(to) == builder.OwnerOf(from))
                {
                    problems.Add($"**** Item {fromName} contains item {builder.ItemNameOf(to)} from the same user (({list.User}))"); // sic: TradeMaximizer doubles the parentheses
                }
                else
                {
                    long cost = options.Priorities switch
                    {
                        PriorityScheme.Linear or PriorityScheme.Explicit or PriorityScheme.Scaled => rank,
                        PriorityScheme.Triangle => rank <= MaxSquaredRank ? rank * (rank + 1) / 2 : -1,
                        PriorityScheme.Square => rank <= MaxSquaredRank ? rank * rank : -1,
                        _ => 1,
                    };
                    if (cost < 0 || rank > MaxRank)
                    {
                        _errors.Add(new FormatDiagnostic(source, list.Line, 0, "TM028",
                            $"the priority of {toName} in the want list for {fromName} is too large (rank {rank}); lower SMALL-STEP, BIG-STEP or the explicit priorities"));
                        break;
                    }
                    if (fromDummy) cost = options.NonTradeCost;
                    row.Add((to, cost));
                    inRow[to] = w + 1;
                    rank += options.SmallStep;
                }
            }
            int n = row.Count;
            for (int k = 0; k < n; k++)
            {
                long cost = row[k].Cost;
                if (options.Priorities == PriorityScheme.Scaled && !fromDummy) cost = 1 + ((cost - 1) * ScaledNumerator / n);
                builder.AddWant(from, row[k].To, cost);
            }
        }
        foreach (var (name, count) in unknown)
        {
            problems.Add($"**** Unknown item {name} ({count} occurrence{(count == 1 ? "" : "s")})");
        }
        return builder.Build();
    }

    /// <summary>Dummy items are private to their user: TradeMaximizer keys them "%NAME for user (USER)".</summary>
    private static string DummyKey(string name, string user) => $"{name} for user ({user})";

    /// <summary><see cref="DummyKey(string, string)"/> written into a reusable buffer; returns its length.</summary>
    private static int WriteDummyKey(ReadOnlySpan<char> name, string user, ref char[] buffer)
    {
        const string Middle = " for user (";
        int length = name.Length + Middle.Length + user.Length + 1;
        if (buffer.Length < length) buffer = new char[length * 2];
        name.CopyTo(buffer);
        Middle.CopyTo(buffer.AsSpan(name.Length));
        user.CopyTo(buffer.AsSpan(name.Length + Middle.Length));
        buffer[length - 1] = ')';
        return length;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool HasSpace(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (IsSpace(c)) return true;
        }
        return false;
    }

    private bool Error(Line line, int index, string code, string message)
    {
        _errors.Add(new FormatDiagnostic(source, line.Number, line.Column(index), code, message));
        return false;
    }

    private void Warn(Line line, int index, string code, string message) =>
        _warnings.Add(new FormatDiagnostic(source, line.Number, line.Column(index), code, message));

    private readonly record struct Line(string Text, int Number, int Offset)
    {
        public int Column(int index) => Offset + index + 1;
    }

    /// <summary>One want list as read: its item, and the folded line whose wants start at <paramref name="WantsStart"/>.</summary>
    private sealed record RawWantList(int Line, string? User, string Label, string Item, string Text, int WantsStart, int Colon);
}
