using System.Text.Json;
using Yalu.Market.Graphs;

namespace Yalu.Formats;

/// <summary>
/// Writes a clearing as Yalu's JSON (PRODUCT.md): <c>status</c>, <c>loops</c> and <c>chains</c> in
/// receive order with item names as given in the input (dummies never appear), and <c>stats</c>.
/// Stateless and thread-safe.
/// </summary>
public static class ClearingJson
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/> (UTF-8, indented).</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="result">The clearing.</param>
    /// <param name="seconds">Wall time of the run, reported as <c>stats.seconds</c>.</param>
    /// <param name="problems">Non-fatal input problems, reported as <c>problems</c>.</param>
    /// <param name="extraStats">Further figures for <c>stats</c> (booleans, numbers or strings), e.g. what an improvement proved.</param>
    /// <param name="untraded">Explanations for items that do not trade, written as <c>untraded</c>.</param>
    public static void Write(Stream stream, ClearingResult result, double seconds, IReadOnlyList<string>? problems = null,
        IReadOnlyDictionary<string, object?>? extraStats = null, IReadOnlyList<UntradedItem>? untraded = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        var graph = result.Graph;
        var stats = result.Stats();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", result.Status == ClearingStatus.Optimal ? "optimal" : "feasible");
        WriteExchanges(json, "loops", result.Loops, graph);
        WriteExchanges(json, "chains", result.Chains, graph);
        json.WriteStartObject("stats");
        json.WriteNumber("items", stats.Items);
        json.WriteNumber("trading", stats.Trading);
        WriteNullable(json, "users", stats.Users);
        WriteNullable(json, "usersTrading", stats.UsersTrading);
        json.WriteNumber("totalCost", stats.TotalCost);
        json.WriteNumber("sumSquares", stats.SumSquares);
        json.WriteNumber("groups", stats.GroupSizes.Count);
        json.WriteNumber("seconds", Math.Round(seconds, 3));
        foreach (var (name, value) in extraStats ?? new Dictionary<string, object?>())
        {
            switch (value)
            {
                case bool b: json.WriteBoolean(name, b); break;
                case long l when l is long.MaxValue or long.MinValue: json.WriteNull(name); break;
                case long l: json.WriteNumber(name, l); break;
                case int i: json.WriteNumber(name, i); break;
                case double d: json.WriteNumber(name, d); break;
                case string s: json.WriteString(name, s); break;
                default: json.WriteNull(name); break;
            }
        }
        json.WriteEndObject();
        if (untraded is not null)
        {
            json.WriteStartArray("untraded");
            foreach (var item in untraded) WriteUntraded(json, graph, item);
            json.WriteEndArray();
        }
        if (problems is { Count: > 0 })
        {
            json.WriteStartArray("problems");
            foreach (string problem in problems.Order(StringComparer.Ordinal)) json.WriteStringValue(problem);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>Writes an array of exchanges, each an array of item labels in receive order.</summary>
    internal static void WriteExchanges(Utf8JsonWriter json, string name, IReadOnlyList<Exchange> exchanges, WantGraph graph)
    {
        json.WriteStartArray(name);
        foreach (var exchange in exchanges)
        {
            json.WriteStartArray();
            foreach (int item in exchange.Items) json.WriteStringValue(graph.ItemLabel(item));
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    /// <summary>Writes one explanation: <c>{item, reason, suggest, loopSize}</c>.</summary>
    public static void WriteUntraded(Utf8JsonWriter json, WantGraph graph, UntradedItem item)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(item);
        json.WriteStartObject();
        json.WriteString("item", graph.ItemLabel(item.Item));
        json.WriteString("reason", UntradedText.Code(item.Reason));
        if (item.Suggest is int x) json.WriteString("suggest", graph.ItemLabel(x));
        else json.WriteNull("suggest");
        WriteNullable(json, "loopSize", item.LoopSize);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
