using System.Text.Json;
using Xunit;

namespace Yalu.Tests;

/// <summary><c>yalu clear</c>'s improvement options through the command line.</summary>
public sealed class ClearImprovementTests
{
    // Two ways to trade four items at equal cost: alice and bob swap twice (2 users), or the loop
    // a1 → c1 → b2 → d1 through carol and dave (4 users). erin's e1 wants only an unknown item,
    // and frank's f1 wants e1.
    private const string TwoWays = """
        (alice) a1 : b1 c1
        (alice) a2 : b2
        (bob) b1 : a1
        (bob) b2 : a2 d1
        (carol) c1 : b2
        (dave) d1 : a1
        (erin) e1 : x9
        (frank) f1 : e1

        """;

    [Fact]
    public void Default_run_maximises_users_trading_and_says_it_is_proved()
    {
        using var file = new TempWantList(TwoWays);
        var run = CliRun.Run(["clear", file.Path, "--json", "--quiet"]);
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Stdout);
        var stats = doc.RootElement.GetProperty("stats");
        Assert.Equal(4, stats.GetProperty("trading").GetInt32());
        Assert.Equal(4, stats.GetProperty("usersTrading").GetInt32());
        Assert.True(stats.GetProperty("usersTradingProved").GetBoolean());
    }

    [Fact]
    public void No_improve_gives_the_plain_solve_without_proofs()
    {
        using var file = new TempWantList(TwoWays);
        var run = CliRun.Run(["clear", file.Path, "--json", "--quiet", "--no-improve"]);
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Stdout);
        var stats = doc.RootElement.GetProperty("stats");
        Assert.Equal(4, stats.GetProperty("trading").GetInt32());
        Assert.False(stats.TryGetProperty("usersTradingProved", out _));
    }

    [Fact]
    public void Untraded_items_are_explained_in_the_json()
    {
        using var file = new TempWantList(TwoWays);
        var run = CliRun.Run(["clear", file.Path, "--json", "--quiet"]);
        using var doc = JsonDocument.Parse(run.Stdout);
        var untraded = doc.RootElement.GetProperty("untraded").EnumerateArray().ToList();
        var e1 = Assert.Single(untraded, u => u.GetProperty("item").GetString() == "e1");
        Assert.Equal("wants-nothing", e1.GetProperty("reason").GetString());
        Assert.Equal("f1", e1.GetProperty("suggest").GetString());
        Assert.Equal(2, e1.GetProperty("loopSize").GetInt32());
    }

    [Fact]
    public void User_report_names_whom_to_send_to_and_what_comes_back()
    {
        using var file = new TempWantList("""
            (alice) a1 : b1
            (bob) b1 : c1
            (carol) c1 : a1
            (dave) d1 : a1

            """);
        var run = CliRun.Run(["clear", file.Path, "--user", "Alice", "--quiet"]);
        Assert.Equal(0, run.Code);
        Assert.Contains("Report for (ALICE): 1 of 1 item trades.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  send it to (CAROL)\n  receive    (BOB) B1\n", run.Stdout, StringComparison.Ordinal);

        var dave = CliRun.Run(["clear", file.Path, "--user", "(dave)", "--quiet", "--json"]);
        using var doc = JsonDocument.Parse(dave.Stdout);
        Assert.Empty(doc.RootElement.GetProperty("trades").EnumerateArray());
        Assert.Equal("nobody-wants-it", doc.RootElement.GetProperty("untraded")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void User_report_for_an_unknown_user_is_an_input_error()
    {
        using var file = new TempWantList(TwoWays);
        var run = CliRun.Run(["clear", file.Path, "--user", "zed"]);
        Assert.Equal(1, run.Code);
        Assert.Contains("no user named 'zed'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_first_can_trade_fewer_items_for_more_users()
    {
        // Most items: two swaps between alice and bob (4 items, 2 users). Most users: the loop
        // a1 → b2 → c1 (3 items, 3 users), which leaves a2 and b1 with nobody.
        using var file = new TempWantList("""
            (alice) a1 : b1 b2
            (alice) a2 : b2
            (bob) b1 : a1
            (bob) b2 : a2 c1
            (carol) c1 : a1

            """);
        var plain = CliRun.Run(["clear", file.Path, "--json", "--quiet"]);
        var first = CliRun.Run(["clear", file.Path, "--json", "--quiet", "--users-first"]);
        using var plainDoc = JsonDocument.Parse(plain.Stdout);
        using var firstDoc = JsonDocument.Parse(first.Stdout);
        var p = plainDoc.RootElement.GetProperty("stats");
        var f = firstDoc.RootElement.GetProperty("stats");
        Assert.Equal((4, 2), (p.GetProperty("trading").GetInt32(), p.GetProperty("usersTrading").GetInt32()));
        Assert.Equal((3, 3), (f.GetProperty("trading").GetInt32(), f.GetProperty("usersTrading").GetInt32()));
    }
}
