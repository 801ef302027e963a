using Xunit;
using Yalu.Engine;
using Yalu.Formats.TradeMaximizer;
using Yalu.Market.Graphs;

namespace Yalu.Tests;

/// <summary>
/// Explanations on real want lists: each suggested want, added to the file's graph, makes the item
/// trade when re-solved, with everyone who traded still trading in number; "nobody wants it" items
/// have no incoming want.
/// </summary>
public sealed class ExplanationDataTests
{
    [Theory]
    [InlineData("olwlg-286103-no-2021-06")]
    [InlineData("oz-brisbane-2016-03")]
    [InlineData("olwlg-286928-gr-2021-07")]
    public void Suggested_wants_make_the_item_trade(string name)
    {
        string file = Path.Combine(SharedData.Require("mathtrade"), name + ".txt");
        var document = TradeMaximizerReader.ReadFile(file).Value!;
        var graph = document.Graph;
        var options = new MathTradeOptions { Ordering = MathTradeOrdering.Plain };
        var outcome = new MathTradeSolver(options).Clear(graph, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(graph.RealItemCount - outcome.Result.Stats().Trading, outcome.Untraded.Count);

        foreach (var untraded in outcome.Untraded.Where(u => u.Reason == UntradedReason.NobodyWantsIt))
        {
            for (int x = 0; x < graph.ItemCount; x++)
            {
                if (!graph.IsDummy(x)) Assert.DoesNotContain(untraded.Item, graph.WantsOf(x).ToArray());
            }
        }

        int trading = outcome.Result.Stats().Trading;
        var checkedItems = outcome.Untraded.Where(u => u.Suggest is not null).Take(12).ToList();
        Assert.NotEmpty(checkedItems);
        foreach (var untraded in checkedItems)
        {
            var builder = WantGraphBuilder.From(graph);
            long worst = graph.CostsOf(untraded.Item).ToArray().DefaultIfEmpty(0).Max();
            builder.AddWant(untraded.Item, untraded.Suggest!.Value, worst + 1);
            var again = new MathTradeSolver(options with { Explain = false }).Solve(builder.Build(), cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(again.Trades(untraded.Item), $"{graph.ItemName(untraded.Item)} does not trade after adding {graph.ItemName(untraded.Suggest.Value)}");
            Assert.True(again.Stats().Trading >= trading + untraded.LoopSize!.Value);
        }
    }
}
