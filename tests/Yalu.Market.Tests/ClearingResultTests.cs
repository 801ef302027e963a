using CsCheck;
using Xunit;
using Yalu.Market.Graphs;

namespace Yalu.Market.Tests;

public sealed class ClearingResultTests
{
    /// <summary>n items owned by users 0..n-1 round-robin over <paramref name="users"/>, everyone wanting everyone else.</summary>
    private static WantGraph Complete(int n, int users)
    {
        var builder = new WantGraphBuilder(1000);
        for (int u = 0; u < users; u++) builder.User($"u{u}");
        for (int i = 0; i < n; i++) builder.AddItem($"i{i}", "", i % users, isDummy: false);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j) builder.AddWant(i, j, 1);
            }
        }
        return builder.Build();
    }

    private static Exchange Loop(params int[] items) => new([.. items], IsLoop: true);

    [Fact]
    public void A_loop_gives_each_owner_the_next_item()
    {
        var graph = Complete(4, 4);
        var result = new ClearingResult(graph, ClearingStatus.Optimal, [Loop(0, 2, 1)], [], [5, 6, 7, 8]);
        Assert.Equal(2, result.Receives(0));
        Assert.Equal(1, result.Receives(2));
        Assert.Equal(0, result.Receives(1));
        Assert.Equal(1, result.SendsTo(0)); // item 0 goes to the owner of 1
        Assert.False(result.Trades(3));
        Assert.Equal(5 + 6 + 7, result.TotalCost);
    }

    [Fact]
    public void A_chain_ends_with_a_donor_whose_owner_receives_nothing()
    {
        var graph = Complete(3, 3);
        var chain = new Exchange([0, 1, 2], IsLoop: false);
        var result = new ClearingResult(graph, ClearingStatus.Feasible, [], [chain], [1, 1, 1]);
        Assert.Equal(1, result.Receives(0));
        Assert.Equal(2, result.Receives(1));
        Assert.Equal(-1, result.Receives(2));
        Assert.True(result.Trades(2));
        Assert.Equal(2, result.TotalCost);
        Assert.Equal(3, result.Stats().Trading);
    }

    [Fact]
    public void An_item_in_two_exchanges_is_rejected()
    {
        var graph = Complete(4, 4);
        Assert.Throws<ArgumentException>(() => new ClearingResult(graph, ClearingStatus.Optimal, [Loop(0, 1), Loop(1, 2)], [], [0, 0, 0, 0]));
        Assert.Throws<ArgumentException>(() => new ClearingResult(graph, ClearingStatus.Optimal, [Loop(0)], [], [0, 0, 0, 0]));
        Assert.Throws<ArgumentException>(() => new ClearingResult(graph, ClearingStatus.Optimal, [], [], [0]));
    }

    [Fact]
    public void Stats_count_items_users_and_squares()
    {
        var graph = Complete(6, 3);
        var result = new ClearingResult(graph, ClearingStatus.Optimal, [Loop(0, 1, 2), Loop(3, 5)], [], [1, 1, 1, 1, 1, 1]);
        var stats = result.Stats();
        Assert.Equal(6, stats.Items);
        Assert.Equal(5, stats.Trading);
        Assert.Equal(3, stats.Users);
        Assert.Equal(3, stats.UsersTrading);
        Assert.Equal(9 + 4, stats.SumSquares);
        Assert.Equal([3, 2], stats.GroupSizes);
    }

    [Fact]
    public void Stats_agree_with_the_exchanges_for_any_set_of_disjoint_loops() =>
        Gen.Int[2, 12].SelectMany(n => Gen.Shuffle(Enumerable.Range(0, n).ToArray()).Select(p => (n, p)))
            .SelectMany(t => Gen.Int[1, t.n].Select(cut => (t.n, t.p, cut)))
            .Sample(t =>
            {
                var graph = Complete(t.n, 3);
                var loops = new List<Exchange>();
                for (int at = 0; at + 1 < t.cut; at += 2) loops.Add(Loop(t.p[at], t.p[at + 1]));
                var result = new ClearingResult(graph, ClearingStatus.Optimal, loops, [], new long[t.n]);
                var stats = result.Stats();
                return stats.Trading == loops.Sum(l => l.Size)
                    && stats.SumSquares == loops.Sum(l => (long)l.Size * l.Size)
                    && Enumerable.Range(0, t.n).All(i => result.Trades(i) == loops.Any(l => l.Items.Contains(i)));
            });
}
