using System.Globalization;
using System.Text;
using Yalu.Market.Graphs;

namespace Yalu.Formats.TradeMaximizer;

/// <summary>
/// Writes the text report math traders know from TradeMaximizer: the options echo, missing official
/// names, ERRORS, TRADE LOOPS, ITEM SUMMARY and the totals block, honouring the file's HIDE-/SHOW-
/// and SORT-BY-ITEM options. Stateless and thread-safe.
/// </summary>
public static class TradeMaximizerReport
{
    /// <summary>Writes the report of <paramref name="result"/>, which must clear <paramref name="document"/>'s graph.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="document">The want-list file.</param>
    /// <param name="result">Its clearing.</param>
    /// <param name="header">The first line, naming the program and version.</param>
    /// <param name="elapsed">The solve time, shown with SHOW-ELAPSED-TIME.</param>
    /// <param name="untraded">Explanations for the items that do not trade, written as an UNTRADED ITEMS section; null for none.</param>
    public static void Write(TextWriter writer, WantListDocument document, ClearingResult result, string header, TimeSpan elapsed,
        IReadOnlyList<UntradedItem>? untraded = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(result);
        if (!ReferenceEquals(result.Graph, document.Graph))
            throw new ArgumentException("the result does not clear this document", nameof(result));
        var options = document.Options;
        var graph = document.Graph;
        var text = new StringBuilder(64 * 1024);

        text.Append(header).Append('\n');
        if (document.OptionEcho.Count > 0)
        {
            text.Append("Options:");
            foreach (string option in document.OptionEcho) text.Append(' ').Append(option);
            text.Append('\n');
        }
        text.Append('\n');

        if (options.ShowMissing && document.MissingOfficialNames is { } missing && OfficialNameCount(document) > 0)
        {
            foreach (string name in missing) text.Append("**** Missing want list for official name ").Append(name).Append('\n');
            text.Append('\n');
        }
        if (options.ShowErrors && document.Problems.Count > 0)
        {
            var problems = document.Problems.ToArray();
            Array.Sort(problems, StringComparer.Ordinal);
            text.Append("ERRORS:\n");
            foreach (string problem in problems) text.Append(problem).Append('\n');
            text.Append('\n');
        }

        var show = new string[graph.ItemCount];
        int width = 1;
        for (int i = 0; i < graph.ItemCount; i++)
        {
            show[i] = Show(graph, i, options.SortByItem);
            if (!graph.IsDummy(i)) width = Math.Max(width, show[i].Length);
        }
        string Pad(int item) => show[item].PadRight(width);

        var stats = result.Stats();
        if (options.ShowLoops)
        {
            text.Append("TRADE LOOPS (").Append(stats.Trading).Append(" total trades):\n\n");
            foreach (var loop in result.Loops)
            {
                foreach (int item in loop.Items) text.Append(Pad(item)).Append(" receives ").Append(show[result.Receives(item)]).Append('\n');
                text.Append('\n');
            }
        }

        if (options.ShowSummary)
        {
            var summary = new List<string>(graph.RealItemCount);
            for (int i = 0; i < graph.ItemCount; i++)
            {
                if (graph.IsDummy(i)) continue;
                if (result.Receives(i) >= 0)
                    summary.Add($"{Pad(i)} receives {Pad(result.Receives(i))} and sends to {show[result.SendsTo(i)]}");
                else if (options.ShowNonTrades)
                    summary.Add($"{Pad(i)}             does not trade");
            }
            summary.Sort(StringComparer.Ordinal);
            text.Append("ITEM SUMMARY (").Append(stats.Trading).Append(" total trades):\n\n");
            foreach (string line in summary) text.Append(line).Append('\n');
            text.Append('\n');
        }

        if (untraded is { Count: > 0 })
        {
            text.Append("UNTRADED ITEMS (").Append(untraded.Count).Append(untraded.Count == 1 ? " item" : " items").Append("):\n\n");
            var lines = untraded.Select(u => $"{Pad(u.Item)} {Explain(graph, u, options.SortByItem)}").ToList();
            lines.Sort(StringComparer.Ordinal);
            foreach (string line in lines) text.Append(line).Append('\n');
            text.Append('\n');
        }

        text.Append("Num trades  = ").Append(stats.Trading).Append(" of ").Append(stats.Items).Append(" items");
        if (stats.Items > 0) text.Append(" (").Append(Fixed(100.0 * stats.Trading / stats.Items, 1)).Append("%)");
        text.Append('\n');
        if (options.ShowStats)
        {
            text.Append("Total cost  = ").Append(stats.TotalCost);
            if (stats.Trading > 0) text.Append(" (avg ").Append(Fixed((double)stats.TotalCost / stats.Trading, 2)).Append(')');
            text.Append('\n');
            text.Append("Num groups  = ").Append(stats.GroupSizes.Count).Append('\n');
            text.Append("Group sizes =");
            foreach (int size in stats.GroupSizes) text.Append(' ').Append(size);
            text.Append('\n');
            text.Append("Sum squares = ").Append(stats.SumSquares).Append('\n');
        }
        if (options.ShowElapsedTime)
            text.Append("Elapsed time = ").Append((long)elapsed.TotalMilliseconds).Append("ms\n");
        writer.Write(text);
    }

    /// <summary>How TradeMaximizer shows an item: "(USER) ITEM", "ITEM (USER)" with SORT-BY-ITEM, or the bare name.</summary>
    public static string Show(WantGraph graph, int item, bool sortByItem)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int owner = graph.Owner(item);
        string name = graph.ItemName(item);
        if (owner < 0 || graph.IsDummy(item)) return name;
        string user = "(" + graph.UserName(owner) + ")";
        return sortByItem ? name + " " + user : user + " " + name;
    }

    /// <summary>"nobody wants it; add (BOB) X to its want list (a loop of 3)".</summary>
    public static string Explain(WantGraph graph, UntradedItem item, bool sortByItem)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(item);
        string reason = UntradedText.Describe(item.Reason);
        return item.Suggest is int x
            ? $"{reason}; add {Show(graph, x, sortByItem)} to its want list (a loop of {item.LoopSize})"
            : $"{reason}; no single added want makes it trade";
    }

    private static int OfficialNameCount(WantListDocument document) =>
        document.MissingOfficialNames!.Count + document.Graph.RealItemCount;

    /// <summary>Rounds half to even, as Java's DecimalFormat does.</summary>
    private static string Fixed(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.ToEven).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
