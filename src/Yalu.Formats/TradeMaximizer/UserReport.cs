using System.Text;
using System.Text.Json;
using Yalu.Market.Graphs;

namespace Yalu.Formats.TradeMaximizer;

/// <summary>
/// One participant's report: for each of their items, whom they send it to and what they receive
/// for it from whom; for each item that does not trade, why, and the want that would let it trade.
/// Stateless and thread-safe.
/// </summary>
public static class UserReport
{
    /// <summary>Finds a user by name, ignoring case and optional parentheses; -1 when there is none.</summary>
    public static int FindUser(WantGraph graph, string name)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(name);
        string wanted = name.Trim().TrimStart('(').TrimEnd(')');
        for (int u = 0; u < graph.UserCount; u++)
        {
            if (string.Equals(graph.UserName(u), wanted, StringComparison.OrdinalIgnoreCase)) return u;
        }
        return -1;
    }

    /// <summary>Writes the text report for <paramref name="user"/>.</summary>
    public static void Write(TextWriter writer, ClearingResult result, IReadOnlyList<UntradedItem> untraded, int user, bool sortByItem = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(untraded);
        var graph = result.Graph;
        var items = ItemsOf(graph, user);
        int trading = items.Count(result.Trades);
        var text = new StringBuilder();
        text.Append("Report for (").Append(graph.UserName(user)).Append("): ").Append(trading).Append(" of ").Append(items.Count)
            .Append(items.Count == 1 ? " item trades" : " items trade").Append(".\n\n");
        if (trading > 0)
        {
            text.Append("TRADES:\n\n");
            foreach (int item in items.Where(result.Trades))
            {
                int received = result.Receives(item);
                int sentTo = result.SendsTo(item);
                text.Append(graph.ItemName(item)).Append('\n')
                    .Append("  send it to ").Append(Owner(graph, sentTo)).Append('\n')
                    .Append("  receive    ").Append(TradeMaximizerReport.Show(graph, received, sortByItem)).Append('\n');
            }
            text.Append('\n');
        }
        var mine = untraded.Where(u => graph.Owner(u.Item) == user).ToList();
        if (mine.Count > 0)
        {
            text.Append("NOT TRADING:\n\n");
            foreach (var u in mine)
            {
                text.Append(graph.ItemName(u.Item)).Append('\n')
                    .Append("  ").Append(TradeMaximizerReport.Explain(graph, u, sortByItem)).Append('\n');
            }
            text.Append('\n');
        }
        writer.Write(text);
    }

    /// <summary>Writes the JSON report for <paramref name="user"/>.</summary>
    public static void WriteJson(Stream stream, ClearingResult result, IReadOnlyList<UntradedItem> untraded, int user)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(untraded);
        var graph = result.Graph;
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("user", graph.UserName(user));
        json.WriteStartArray("trades");
        foreach (int item in ItemsOf(graph, user).Where(result.Trades))
        {
            int received = result.Receives(item);
            int sentTo = result.SendsTo(item);
            json.WriteStartObject();
            json.WriteString("item", graph.ItemLabel(item));
            json.WriteString("sendTo", OwnerName(graph, sentTo));
            json.WriteString("sendToItem", graph.ItemLabel(sentTo));
            json.WriteString("receive", graph.ItemLabel(received));
            json.WriteString("receiveFrom", OwnerName(graph, received));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("untraded");
        foreach (var u in untraded.Where(u => graph.Owner(u.Item) == user)) ClearingJson.WriteUntraded(json, graph, u);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static List<int> ItemsOf(WantGraph graph, int user) =>
        [.. Enumerable.Range(0, graph.ItemCount).Where(i => !graph.IsDummy(i) && graph.Owner(i) == user)];

    private static string Owner(WantGraph graph, int item) => graph.Owner(item) is int o and >= 0 ? "(" + graph.UserName(o) + ")" : graph.ItemName(item);

    private static string? OwnerName(WantGraph graph, int item) => graph.Owner(item) is int o and >= 0 ? graph.UserName(o) : null;
}
