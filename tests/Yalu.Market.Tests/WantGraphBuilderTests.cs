using Xunit;
using Yalu.Market.Graphs;

namespace Yalu.Market.Tests;

public sealed class WantGraphBuilderTests
{
    private static WantGraphBuilder ThreeItems(out int a, out int b, out int c)
    {
        var builder = new WantGraphBuilder(1000);
        int u = builder.User("U"), v = builder.User("V");
        a = builder.AddItem("A", "a", u, isDummy: false);
        b = builder.AddItem("B", "", v, isDummy: false);
        c = builder.AddItem("%C", "%c", u, isDummy: true);
        return builder;
    }

    [Fact]
    public void Wants_keep_their_order_cost_and_weight_per_item()
    {
        var builder = ThreeItems(out int a, out int b, out int c);
        builder.AddWant(a, c, 2, 0.5);
        builder.AddWant(a, b, 1);
        builder.AddWant(c, b, 1000);
        var graph = builder.Build();
        Assert.Equal([c, b], graph.WantsOf(a).ToArray());
        Assert.Equal([2L, 1L], graph.CostsOf(a).ToArray());
        Assert.Equal([0.5, 1.0], graph.WeightsOf(a).ToArray());
        Assert.Equal(1L, graph.CostOf(a, b));
        Assert.Null(graph.CostOf(b, a));
        Assert.Equal(3, graph.WantCount);
    }

    [Fact]
    public void Labels_default_to_the_name_and_dummies_are_not_real_items()
    {
        var graph = ThreeItems(out int a, out int b, out int c).Build();
        Assert.Equal("a", graph.ItemLabel(a));
        Assert.Equal("B", graph.ItemLabel(b));
        Assert.True(graph.IsDummy(c));
        Assert.Equal(2, graph.RealItemCount);
        Assert.Equal(2, graph.UserCount);
        Assert.Equal("U", graph.UserName(graph.Owner(a)));
    }

    [Fact]
    public void Broken_invariants_throw()
    {
        var builder = ThreeItems(out int a, out int b, out _);
        Assert.Throws<ArgumentException>(() => builder.AddWant(a, a, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddWant(a, 99, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddWant(a, b, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddWant(a, b, 1, double.NaN));
        Assert.Throws<ArgumentException>(() => builder.AddItem("A", "", -1, isDummy: false));
        Assert.Throws<ArgumentException>(() => builder.AddItem("D", "", -1, isDummy: true, isDonor: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WantGraphBuilder(0));
        builder.AddWant(a, b, 1);
        builder.AddWant(a, b, 2);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Donor_items_are_counted()
    {
        var builder = new WantGraphBuilder(10);
        int d = builder.AddItem("D", "", -1, isDummy: false, isDonor: true);
        builder.AddItem("P", "", -1, isDummy: false);
        var graph = builder.Build();
        Assert.True(graph.IsDonor(d));
        Assert.Equal(1, graph.DonorCount);
    }
}
