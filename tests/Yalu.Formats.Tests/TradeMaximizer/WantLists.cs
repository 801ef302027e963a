using Xunit;
using Yalu.Formats.TradeMaximizer;
using Yalu.Market.Graphs;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>Reading small inline want lists and looking things up in what was read.</summary>
internal static class WantLists
{
    /// <summary>Reads <paramref name="text"/>, which must have no fatal error.</summary>
    public static WantListDocument Read(string text)
    {
        var result = TradeMaximizerReader.ReadText(text);
        Assert.True(result.Errors.Count == 0, "unexpected errors: " + string.Join("; ", result.Errors));
        Assert.NotNull(result.Value);
        return result.Value;
    }

    /// <summary>Reads <paramref name="text"/>, which must have exactly one fatal error, and returns it.</summary>
    public static FormatDiagnostic SingleError(string text)
    {
        var result = TradeMaximizerReader.ReadText(text);
        Assert.Null(result.Value);
        return Assert.Single(result.Errors);
    }

    /// <summary>The index of the item with this canonical name.</summary>
    public static int Item(WantGraph graph, string name)
    {
        for (int i = 0; i < graph.ItemCount; i++)
        {
            if (graph.ItemName(i) == name) return i;
        }
        Assert.Fail($"no item named '{name}'; items: {string.Join(", ", Names(graph))}");
        return -1;
    }

    /// <summary>Canonical names of every item, in index order.</summary>
    public static IReadOnlyList<string> Names(WantGraph graph) =>
        [.. Enumerable.Range(0, graph.ItemCount).Select(graph.ItemName)];

    /// <summary>The canonical names of what the owner of <paramref name="item"/> wants, in order.</summary>
    public static IReadOnlyList<string> WantsOf(WantGraph graph, string item) =>
        [.. graph.WantsOf(Item(graph, item)).ToArray().Select(graph.ItemName)];

    /// <summary>The costs of the wants of <paramref name="item"/>, in order.</summary>
    public static IReadOnlyList<long> CostsOf(WantGraph graph, string item) => graph.CostsOf(Item(graph, item)).ToArray();

    /// <summary>The owner's name of an item, or null.</summary>
    public static string? OwnerOf(WantGraph graph, string item)
    {
        int owner = graph.Owner(Item(graph, item));
        return owner < 0 ? null : graph.UserName(owner);
    }
}
