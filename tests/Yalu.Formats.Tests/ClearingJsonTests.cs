using System.Text.Json;
using Xunit;
using Yalu.Engine;
using Yalu.Formats.Tests.TradeMaximizer;

namespace Yalu.Formats.Tests;

/// <summary>Yalu's JSON: loops in receive order with names as written, the stats, never a dummy.</summary>
public sealed class ClearingJsonTests
{
    [Fact]
    public void Loop_lists_items_in_receive_order_with_names_as_written()
    {
        using var json = Write("""
            (alice) Alice-Box : bob-lamp CAROL-bell
            (bob) Bob-Lamp : carol-bell
            (carol) Carol-Bell : alice-box
            (dave) Dave-Cup : alice-box
            """);

        var loop = Assert.Single(json.RootElement.GetProperty("loops").EnumerateArray());
        // The owner of each item receives the next: Alice-Box's owner gets Bob-Lamp, and so on round.
        Assert.Equal(["Alice-Box", "Bob-Lamp", "Carol-Bell"], loop.EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(json.RootElement.GetProperty("chains").EnumerateArray());
        Assert.Equal("optimal", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Stats_give_items_trading_users_cost_squares_groups_and_seconds()
    {
        using var json = Write("""
            #! LINEAR-PRIORITIES
            (alice) a1 : b1 c1
            (bob) b1 : zz c1
            (carol) c1 : a1
            (dave) d1 : a1
            (erin) e1 : f1
            (erin) f1 : e1
            """, seconds: 1.23456);
        var stats = json.RootElement.GetProperty("stats");

        Assert.Equal(6, stats.GetProperty("items").GetInt32());
        Assert.Equal(3, stats.GetProperty("trading").GetInt32());
        Assert.Equal(5, stats.GetProperty("users").GetInt32());
        Assert.Equal(3, stats.GetProperty("usersTrading").GetInt32());
        Assert.Equal(3, stats.GetProperty("totalCost").GetInt64());
        Assert.Equal(9, stats.GetProperty("sumSquares").GetInt64());
        Assert.Equal(1, stats.GetProperty("groups").GetInt32());
        Assert.Equal(1.235, stats.GetProperty("seconds").GetDouble());
    }

    [Fact]
    public void Users_are_null_when_no_item_has_an_owner()
    {
        using var json = Write("a : b\nb : a\n");
        var stats = json.RootElement.GetProperty("stats");

        Assert.Equal(JsonValueKind.Null, stats.GetProperty("users").ValueKind);
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("usersTrading").ValueKind);
    }

    [Fact]
    public void Dummies_never_appear_in_the_json()
    {
        using var json = Write("""
            #! ALLOW-DUMMIES LINEAR-PRIORITIES
            (alice smith) a1 : b1 %x
            (alice smith) %x : b1 c1
            (bob) %x : a1
            (bob) b1 : %x
            (carol) c1 : b1 a1
            """);

        var loop = Assert.Single(json.RootElement.GetProperty("loops").EnumerateArray());
        Assert.Equal(["a1", "c1", "b1"], loop.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, json.RootElement.GetProperty("stats").GetProperty("items").GetInt32());
        Assert.DoesNotContain("%", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_listed_sorted_when_there_are_any()
    {
        using var withProblems = Write("a : zz b a\nb : a\n");
        using var clean = Write("a : b\nb : a\n");

        Assert.Equal(
            ["**** Item A appears in its own want list.", "**** Unknown item ZZ (1 occurrence)"],
            withProblems.RootElement.GetProperty("problems").EnumerateArray().Select(e => e.GetString()));
        Assert.False(clean.RootElement.TryGetProperty("problems", out _));
    }

    private static JsonDocument Write(string text, double seconds = 0)
    {
        var doc = WantLists.Read(text);
        var result = new MathTradeSolver().Solve(doc.Graph, cancellationToken: TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        ClearingJson.Write(stream, result, seconds, doc.Problems);
        return JsonDocument.Parse(stream.ToArray());
    }
}
