using System.Text;

namespace Yalu.Sync;

public sealed partial class NodeCard
{
    private const string BeginLine = "-----BEGIN YALU NODE CARD-----";
    private const string EndLine = "-----END YALU NODE CARD-----";
    private const int MaxTextChars = 64 * 1024;

    /// <summary>
    /// The card as text a keeper can email or print: an armour line, readable header lines (version,
    /// name, side, node id, fingerprint), a blank line, the binary card in base64 (64 characters a
    /// line), and a closing armour line. The header lines repeat what the signed bytes say; a reader
    /// refuses a card whose header lines disagree with its bytes.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(BeginLine).Append('\n');
        text.Append("Version: ").Append(FormatVersion).Append('\n');
        text.Append("Name: ").Append(Name).Append('\n');
        text.Append("Side: ").Append(Side).Append('\n');
        text.Append("Node: ").Append(NodeId).Append('\n');
        text.Append("Fingerprint: ").Append(Fingerprint).Append('\n');
        text.Append('\n');
        string base64 = Convert.ToBase64String(_bytes);
        for (int i = 0; i < base64.Length; i += 64)
            text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        text.Append(EndLine).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Reads a card's text (<see cref="ToText"/>). Lines before the opening and after the closing
    /// armour line are ignored (an email's greeting), as are spaces at line ends and a quoting "&gt; ".
    /// Errors as values, naming the line.
    /// </summary>
    public static SyncResult<NodeCard> Parse(string text)
    {
        if (text is null) return SyncResult.Fail<NodeCard>(SyncCodes.CardText, "no card text");
        if (text.Length > MaxTextChars)
            return SyncResult.Fail<NodeCard>(SyncCodes.CardText, $"the card text is {text.Length} characters; a card is far shorter (at most {MaxTextChars})");
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(Unquote).ToArray();
        int begin = Array.IndexOf(lines, BeginLine);
        if (begin < 0) return Fail(0, $"no line \"{BeginLine}\": not a Yalu node card");
        int end = Array.IndexOf(lines, EndLine, begin + 1);
        if (end < 0) return Fail(lines.Length, $"no line \"{EndLine}\" after the opening line {begin + 1}: the card is cut off");

        var headers = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        int i = begin + 1;
        for (; i < end && lines[i].Length > 0; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return Fail(i + 1, $"\"{Shorten(lines[i])}\" is not a header line (Name: value) and no blank line came before the base64");
            string key = lines[i][..colon];
            if (key is not ("Version" or "Name" or "Side" or "Node" or "Fingerprint"))
                return Fail(i + 1, $"unknown header \"{Shorten(key)}\" (known: Version, Name, Side, Node, Fingerprint)");
            if (!headers.TryAdd(key, (lines[i][(colon + 1)..].Trim(), i + 1)))
                return Fail(i + 1, $"header \"{key}\" appears twice");
        }
        if (!headers.TryGetValue("Version", out var version)) return Fail(begin + 2, "no \"Version:\" header line");
        if (version.Value != FormatVersion.ToString())
            return SyncResult.Fail<NodeCard>(SyncCodes.CardText, $"line {version.Line}: card version \"{Shorten(version.Value)}\" is not supported (this build reads version {FormatVersion})");

        var base64 = new StringBuilder();
        for (i++; i < end; i++)
        {
            foreach (char c in lines[i])
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
                    return Fail(i + 1, $"'{c}' is not a base64 character");
            }
            base64.Append(lines[i]);
        }
        if (base64.Length == 0) return Fail(end + 1, "the card has no base64 lines");
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.ToString(), bytes, out int written))
            return Fail(end, "the base64 lines do not decode (a line lost or changed?)");
        if (!bytes.AsSpan(0, written).StartsWith(Magic))
            return Fail(end, "the base64 lines are not a binary node card");
        var card = FromBytes(bytes.AsSpan(0, written));
        if (!card.Success) return card;

        var c2 = card.Value;
        foreach (var (key, expected) in new[] { ("Name", c2.Name), ("Side", c2.Side), ("Node", c2.NodeId.ToString()), ("Fingerprint", c2.Fingerprint) })
        {
            if (headers.TryGetValue(key, out var header) && header.Value != expected)
                return Fail(header.Line, $"the header says {key} \"{Shorten(header.Value)}\" but the signed card says \"{expected}\": the text was edited");
        }
        return card;
    }

    private static string Unquote(string line)
    {
        line = line.TrimEnd();
        while (line.StartsWith('>')) line = line[1..].TrimStart();
        return line;
    }

    private static SyncResult<NodeCard> Fail(int line, string message) =>
        SyncResult.Fail<NodeCard>(SyncCodes.CardText, line > 0 ? $"line {line}: {message}" : message);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
