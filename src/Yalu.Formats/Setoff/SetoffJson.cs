using System.Text.Json;
using Yalu.Market.Setoff;

namespace Yalu.Formats.Setoff;

/// <summary>
/// The summary of a set-off as JSON, for programs: <c>{"file", "method", "parties", "obligations",
/// "totalDebt", "netInternalDebt", "cleared", "remaining", "seconds"}</c>; amounts are integers in the
/// file's unit, <c>method</c> is <c>"min-cost-flow"</c> or <c>"plain-max-flow"</c>.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SetoffJson
{
    /// <summary>The name of <paramref name="method"/> in the JSON and in the text summary.</summary>
    public static string MethodName(SetoffMethod method) => method switch
    {
        SetoffMethod.MinCostFlow => "min-cost-flow",
        SetoffMethod.PlainMaxFlow => "plain-max-flow",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown set-off method"),
    };

    /// <summary>Writes the summary of <paramref name="result"/> (read from <paramref name="file"/>) to <paramref name="output"/>, indented, without a final newline.</summary>
    public static void Write(Stream output, string file, SetoffResult result, double seconds)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteString("method", MethodName(result.Method));
        json.WriteNumber("parties", result.Network.PartyCount);
        json.WriteNumber("obligations", result.Network.Count);
        json.WriteNumber("totalDebt", result.TotalDebt);
        json.WriteNumber("netInternalDebt", result.NetInternalDebt);
        json.WriteNumber("cleared", result.Cleared);
        json.WriteNumber("remaining", result.Remaining);
        json.WriteNumber("seconds", Math.Round(seconds, 3));
        json.WriteEndObject();
    }
}
