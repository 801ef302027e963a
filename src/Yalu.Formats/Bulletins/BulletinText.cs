using System.Globalization;
using System.Text;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Formats.Bulletins;

/// <summary>
/// The price bulletin as text, short enough to read aloud in a minute and to copy by hand, with a
/// Damm check digit (<see cref="Damm"/>) at the end of every line:
/// <code>
/// YALU HYESAN 2026-12-06 KPW 1250.00 GOODS 2 CHECK 7
/// 1 G01 4.50 12 3 | rice, per kilogram
/// 2 S01 15.00 3 8 | dried pollack, per kilogram
/// </code>
/// A goods line is its number (1, 2, … in order), the good's code, the median value of one unit in
/// CNY with two decimals, how many lots changed hands, and the check digit; after <c>|</c> comes the
/// good's name for the reader, which is not checked. The line's check digit is over its digits in
/// order (a letter of the code counts as two digits, A = 10 … Z = 35), so every single-digit error and
/// every swap of two neighbouring digits on the line is caught; every other slip (a moved space, a
/// lost decimal) breaks the line's fixed shape. The header's check digit is over the market, the date,
/// the rate (KPW per CNY, to two decimals), the number of goods and every goods line's check digit in order, so a line left out,
/// copied twice or put out of order is caught too (the numbers say which). Reading never throws: every
/// problem is a <see cref="FormatDiagnostic"/> naming its line. Thread-safe.
/// </summary>
public static class BulletinText
{
    /// <summary>The first word of every bulletin.</summary>
    public const string Magic = "YALU";

    /// <summary>Writes <paramref name="bulletin"/>; <paramref name="spokenName"/> gives each good's name in the reader's language (or null).</summary>
    public static string Write(Bulletin bulletin, Func<GoodId, string?>? spokenName = null)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        if (bulletin.Lines.Count > Bulletin.MaxLines) throw new ArgumentException($"a bulletin has at most {Bulletin.MaxLines} goods", nameof(bulletin));
        var body = new StringBuilder();
        var checks = new StringBuilder();
        for (int i = 0; i < bulletin.Lines.Count; i++)
        {
            var line = bulletin.Lines[i];
            if (line.MedianPerUnit < Money.Zero) throw new ArgumentException($"the value of {line.Good} is negative", nameof(bulletin));
            ArgumentOutOfRangeException.ThrowIfNegative(line.Legs);
            string number = (i + 1).ToString(CultureInfo.InvariantCulture);
            string value = line.MedianPerUnit.ToString();
            string legs = line.Legs.ToString(CultureInfo.InvariantCulture);
            char check = Damm.CheckDigit(Digits(number, line.Good.Value, value, legs));
            checks.Append(check);
            body.Append(number).Append(' ').Append(line.Good.Value).Append(' ').Append(value).Append(' ').Append(legs).Append(' ').Append(check);
            if (spokenName?.Invoke(line.Good) is { Length: > 0 } name) body.Append(" | ").Append(name.ReplaceLineEndings(" "));
            body.Append('\n');
        }
        string market = MarketWord(bulletin.Market);
        string date = bulletin.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string rate = bulletin.KpwPerCny is { } r ? RateText(r) : "-";
        string count = bulletin.Lines.Count.ToString(CultureInfo.InvariantCulture);
        char headerCheck = Damm.CheckDigit(Digits(market, date, rate, count) + checks);
        return $"{Magic} {market} {date} KPW {rate} GOODS {count} CHECK {headerCheck}\n" + body;
    }

    /// <summary>Checks a bulletin as received (typed, copied, or read from a file named <paramref name="source"/>).</summary>
    public static BulletinCheck Check(string text, string source = "-")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var statuses = new List<BulletinLineStatus>();
        var errors = new List<FormatDiagnostic>();
        var lines = new List<(int Number, string Text)>();
        int n = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            n++;
            if (!string.IsNullOrWhiteSpace(raw)) lines.Add((n, raw));
        }
        if (lines.Count == 0)
        {
            errors.Add(new FormatDiagnostic(source, 1, 0, "BU001", "the bulletin is empty: it starts with a line 'YALU …'"));
            return new BulletinCheck(statuses, new ParseResult<Bulletin>(null, errors, []));
        }
        if (lines.Count > Bulletin.MaxLines + 1)
            errors.Add(new FormatDiagnostic(source, lines[Bulletin.MaxLines + 1].Number, 0, "BU007", $"a bulletin has at most {Bulletin.MaxLines + 1} lines"));

        var header = ReadHeader(lines[0].Number, lines[0].Text, source);
        var goods = new List<BulletinLine>();
        var checks = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Count; i++)
        {
            var (number, line) = lines[i];
            // The header's check covers each line's check digit as written, so it is judged even when a line is damaged.
            var written = Tokens(line);
            checks.Append(written.Length > 0 && written[^1] is [var digit] && char.IsAsciiDigit(digit) ? digit : 'X');
            var read = ReadLine(number, line, i, source);
            if (read.Problem is null && !seen.Add(read.Line!.Good.Value))
                read = (null, new FormatDiagnostic(source, number, 0, "BU008", $"good {read.Line!.Good} is on the bulletin twice"));
            statuses.Add(new BulletinLineStatus(number, line, read.Problem));
            if (read.Problem is not null)
            {
                errors.Add(read.Problem);
                continue;
            }
            goods.Add(read.Line!);
        }

        var headerProblem = header.Problem;
        int received = lines.Count - 1;
        if (headerProblem is null)
        {
            if (header.Count != received)
                headerProblem = new FormatDiagnostic(source, lines[0].Number, 0, "BU006", $"the header says {header.Count} goods but {received} lines follow: a line is missing or extra");
            else if (checks.ToString().Contains('X', StringComparison.Ordinal) || Damm.Fold(header.Digits + checks + header.Check) != 0)
                headerProblem = new FormatDiagnostic(source, lines[0].Number, 0, "BU002",
                    "the header's check digit does not match: the header, a line's check digit or the order of the lines was changed");
        }
        statuses.Insert(0, new BulletinLineStatus(lines[0].Number, lines[0].Text, headerProblem));
        if (headerProblem is not null) errors.Insert(0, headerProblem);
        var bulletin = errors.Count == 0 ? new Bulletin(header.Market, header.Date, header.Rate, goods) : null;
        return new BulletinCheck(statuses, new ParseResult<Bulletin>(bulletin, errors, []));
    }

    private sealed record Header(Side Market, DateOnly Date, decimal? Rate, int Count, string Digits, char Check, FormatDiagnostic? Problem);

    private static Header ReadHeader(int number, string text, string source)
    {
        Header Bad(string message) => new(default, default, null, 0, "", '0', new FormatDiagnostic(source, number, 0, "BU001", message));
        var t = Tokens(text);
        if (t.Length != 9 || t[0] != Magic || t[3] != "KPW" || t[5] != "GOODS" || t[7] != "CHECK")
            return Bad("the first line is 'YALU MARKET yyyy-mm-dd KPW rate GOODS n CHECK d'");
        Side market;
        if (t[1] == MarketWord(Side.Hyesan)) market = Side.Hyesan;
        else if (t[1] == MarketWord(Side.Changbai)) market = Side.Changbai;
        else return Bad($"'{t[1]}' is not a market: HYESAN or CHANGBAI");
        if (t[2].Length != 10 || !DateOnly.TryParseExact(t[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Bad($"'{t[2]}' is not a date like 2026-12-06");
        decimal? rate = null;
        if (t[4] != "-")
        {
            if (!IsAmount(t[4]) || decimal.Parse(t[4], CultureInfo.InvariantCulture) <= 0)
                return Bad($"'{t[4]}' is not a rate like 1250.00 (or '-' when none is recorded)");
            rate = decimal.Parse(t[4], CultureInfo.InvariantCulture);
        }
        if (!IsCount(t[6], out int count) || count > Bulletin.MaxLines) return Bad($"'{t[6]}' is not a number of goods from 0 to {Bulletin.MaxLines}");
        if (t[8].Length != 1 || !char.IsAsciiDigit(t[8][0])) return Bad($"'{t[8]}' is not a check digit");
        return new Header(market, date, rate, count, Digits(t[1], t[2], t[4], t[6]), t[8][0], null);
    }

    private static (BulletinLine? Line, FormatDiagnostic? Problem) ReadLine(int number, string text, int position, string source)
    {
        (BulletinLine?, FormatDiagnostic?) Bad(string code, string message) => (null, new FormatDiagnostic(source, number, 0, code, message));
        var t = Tokens(text);
        if (t.Length != 5) return Bad("BU003", "a goods line is 'number code value count check' (then '| name')");
        if (!IsCount(t[0], out int written) || written < 1) return Bad("BU003", $"'{t[0]}' is not a line number");
        if (!GoodId.TryParse(t[1], out var good) || !t[1].All(char.IsAsciiLetterOrDigit)) return Bad("BU003", $"'{t[1]}' is not a good code like S01");
        if (!IsAmount(t[2])) return Bad("BU003", $"'{t[2]}' is not a value like 15.00");
        if (!IsCount(t[3], out int legs)) return Bad("BU003", $"'{t[3]}' is not a count");
        if (t[4].Length != 1 || !char.IsAsciiDigit(t[4][0])) return Bad("BU003", $"'{t[4]}' is not a check digit");
        if (Damm.Fold(Digits(t[0], t[1], t[2], t[3]) + t[4]) != 0) return Bad("BU004", "the check digit does not match: a figure on this line was changed");
        if (written != position)
        {
            return written < position
                ? Bad("BU005", $"line {written} again where line {position} belongs: a line was copied twice or out of order")
                : Bad("BU005", $"line {written} where line {position} belongs: line {position} is missing");
        }
        return (new BulletinLine(good, Money.Parse(t[2]), legs), null);
    }

    /// <summary>The line's tokens before its name (<c>|</c>), split on spaces and tabs.</summary>
    private static string[] Tokens(string line)
    {
        int bar = line.IndexOf('|', StringComparison.Ordinal);
        var checkedPart = bar >= 0 ? line[..bar] : line;
        return checkedPart.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The digits the check digits cover: every digit in order, a letter as two digits (A = 10 … Z = 35), nothing else.</summary>
    private static string Digits(params string[] fields)
    {
        var digits = new StringBuilder();
        foreach (var field in fields)
        {
            foreach (char c in field)
            {
                if (char.IsAsciiDigit(c)) digits.Append(c);
                else if (char.IsAsciiLetterUpper(c)) digits.Append((c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
            }
        }
        return digits.ToString();
    }

    /// <summary>Digits, a point, exactly two digits; no leading zero but for "0.xx"; at most 15 digits in all.</summary>
    private static bool IsAmount(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 1 || dot != text.Length - 3 || text.Length > 16) return false;
        if (text[0] == '0' && dot != 1) return false;
        for (int i = 0; i < text.Length; i++)
            if (i != dot && !char.IsAsciiDigit(text[i])) return false;
        return true;
    }

    /// <summary>A non-negative whole number without a leading zero, at most nine digits.</summary>
    private static bool IsCount(string text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 9 || (text[0] == '0' && text.Length > 1) || !text.All(char.IsAsciiDigit)) return false;
        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static string RateText(decimal rate) =>
        decimal.Round(rate, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string MarketWord(Side side) => side switch
    {
        Side.Hyesan => "HYESAN",
        Side.Changbai => "CHANGBAI",
        _ => throw new ArgumentOutOfRangeException(nameof(side)),
    };
}
