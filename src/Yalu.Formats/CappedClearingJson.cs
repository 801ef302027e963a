using System.Text.Json;
using Yalu.Market.Graphs;

namespace Yalu.Formats;

/// <summary>
/// Writes a capped clearing (loops of at most k items, chains of at most L legs) as Yalu's JSON:
/// <c>status</c> (<c>optimal</c> or <c>feasible</c>), <c>objective</c>, <c>bound</c>, <c>gap</c>,
/// <c>loops</c> and <c>chains</c> in receive order with the instance's own item names, and
/// <c>stats</c>. Stateless and thread-safe.
/// </summary>
public static class CappedClearingJson
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/> (UTF-8, indented).</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="result">The clearing.</param>
    /// <param name="figures">The objective, its bound and gap, and further statistics.</param>
    public static void Write(Stream stream, ClearingResult result, Figures figures)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(figures);
        var graph = result.Graph;
        var stats = result.Stats();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", result.Status == ClearingStatus.Optimal ? "optimal" : "feasible");
        json.WriteNumber("objective", figures.Objective);
        json.WriteNumber("bound", figures.Bound);
        json.WriteNumber("gap", figures.Gap);
        ClearingJson.WriteExchanges(json, "loops", result.Loops, graph);
        ClearingJson.WriteExchanges(json, "chains", result.Chains, graph);
        json.WriteStartObject("stats");
        json.WriteNumber("items", stats.Items);
        json.WriteNumber("trading", stats.Trading);
        json.WriteNumber("received", result.Loops.Sum(l => l.Size) + result.Chains.Sum(c => c.Size - 1));
        json.WriteNumber("groups", stats.GroupSizes.Count);
        json.WriteNumber("sumSquares", stats.SumSquares);
        foreach (var (name, value) in figures.Stats) WriteValue(json, name, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case bool b: json.WriteBoolean(name, b); break;
            case int i: json.WriteNumber(name, i); break;
            case long l: json.WriteNumber(name, l); break;
            case double d: json.WriteNumber(name, d); break;
            case string s: json.WriteString(name, s); break;
            case IEnumerable<KeyValuePair<string, object?>> nested:
                json.WriteStartObject(name);
                foreach (var (key, inner) in nested) WriteValue(json, key, inner);
                json.WriteEndObject();
                break;
            default: json.WriteNull(name); break;
        }
    }

    /// <summary>The figures of a capped clearing besides its exchanges.</summary>
    /// <param name="Objective">Total weight of the wants given.</param>
    /// <param name="Bound">Proven upper bound on the objective.</param>
    /// <param name="Gap">Relative gap, (bound − objective) / bound.</param>
    /// <param name="Stats">
    /// Further entries of <c>stats</c>, in order: booleans, numbers, strings, or nested lists of such
    /// pairs (written as objects).
    /// </param>
    public sealed record Figures(double Objective, double Bound, double Gap, IReadOnlyList<KeyValuePair<string, object?>> Stats);
}
