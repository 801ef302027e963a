using Yalu.Market.Graphs;

namespace Yalu.Formats.TradeMaximizer;

/// <summary>
/// A TradeMaximizer want-list file, read: its options, the want graph it describes (costs already
/// computed under its priority scheme), and the non-fatal problems TradeMaximizer would list under
/// ERRORS. Immutable.
/// </summary>
public sealed class WantListDocument
{
    internal WantListDocument(
        string source, TradeMaximizerOptions options, IReadOnlyList<string> optionEcho, WantGraph graph,
        IReadOnlyList<string> problems, IReadOnlyList<string>? missingOfficialNames)
    {
        Source = source;
        Options = options;
        OptionEcho = optionEcho;
        Graph = graph;
        Problems = problems;
        MissingOfficialNames = missingOfficialNames;
    }

    /// <summary>The file name as given.</summary>
    public string Source { get; }

    /// <summary>The options in force.</summary>
    public TradeMaximizerOptions Options { get; }

    /// <summary>Every option as written (upper-cased), in file order, for the report's <c>Options:</c> line.</summary>
    public IReadOnlyList<string> OptionEcho { get; }

    /// <summary>The items (one per accepted want list) and their wants.</summary>
    public WantGraph Graph { get; }

    /// <summary>Non-fatal problems, worded as TradeMaximizer words them (each starts with <c>****</c>).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Official names with no want list, sorted; null when the file has no official names.</summary>
    public IReadOnlyList<string>? MissingOfficialNames { get; }
}
