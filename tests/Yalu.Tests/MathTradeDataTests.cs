using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using Yalu.Cli;

namespace Yalu.Tests;

/// <summary>
/// Every real want list in ../shared/data/mathtrade, cleared through the command line: the number
/// of items trading and the total cost reach expected.tsv, and the JSON agrees with the text report.
/// </summary>
public sealed partial class MathTradeDataTests
{
    /// <summary>Names of the files in expected.tsv; one placeholder row when the data is missing, so the test still runs (and fails under CI).</summary>
    public static TheoryData<string> Files() => SharedData.ExpectedNames("mathtrade");

    [Theory]
    [MemberData(nameof(Files))]
    public void Clear_reaches_the_expected_trades_and_cost(string name)
    {
        string folder = SharedData.Require("mathtrade");
        var expected = SharedData.Expected("mathtrade").Single(r => r["name"] == name);
        string file = Path.Combine(folder, name + ".txt");

        var (jsonCode, json, _) = Run("clear", file, "--json", "--iterations", "1", "--quiet");
        Assert.Equal(0, jsonCode);
        using var doc = JsonDocument.Parse(json);
        var stats = doc.RootElement.GetProperty("stats");
        Assert.Equal("optimal", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(int.Parse(expected["max_trading"], System.Globalization.CultureInfo.InvariantCulture), stats.GetProperty("trading").GetInt32());
        Assert.Equal(int.Parse(expected["items"], System.Globalization.CultureInfo.InvariantCulture), stats.GetProperty("items").GetInt32());
        if (expected["tm_total_cost"].Length > 0)
            Assert.Equal(long.Parse(expected["tm_total_cost"], System.Globalization.CultureInfo.InvariantCulture), stats.GetProperty("totalCost").GetInt64());

        int loopItems = doc.RootElement.GetProperty("loops").EnumerateArray().Sum(l => l.GetArrayLength());
        Assert.Equal(stats.GetProperty("trading").GetInt32(), loopItems);

        // Beyond TradeMaximizer: at least as many users trading as any peer run reached, and where
        // that ties, loops no larger in sum of squares.
        int users = stats.GetProperty("usersTrading").ValueKind == JsonValueKind.Null ? -1 : stats.GetProperty("usersTrading").GetInt32();
        long sumSquares = stats.GetProperty("sumSquares").GetInt64();
        long peerSquares = long.Parse(expected["peer_best_sum_squares"], System.Globalization.CultureInfo.InvariantCulture);
        if (expected["peer_best_users_trading"].Length > 0)
        {
            int peerUsers = int.Parse(expected["peer_best_users_trading"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(users >= peerUsers, $"users trading {users} < peer best {peerUsers}");
            if (users == peerUsers) Assert.True(sumSquares <= peerSquares, $"sum of squares {sumSquares} > peer best {peerSquares} at equal users");
            Assert.True(stats.GetProperty("usersTradingProved").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }
        else
        {
            Assert.True(sumSquares <= peerSquares, $"sum of squares {sumSquares} > peer best {peerSquares}");
        }
        var untraded = doc.RootElement.GetProperty("untraded");
        Assert.Equal(stats.GetProperty("items").GetInt32() - stats.GetProperty("trading").GetInt32(), untraded.GetArrayLength());

        var (textCode, text, _) = Run("clear", file, "--iterations", "1", "--quiet");
        Assert.Equal(0, textCode);
        var trades = NumTrades().Match(text);
        Assert.True(trades.Success, "the report has a Num trades line");
        Assert.Equal(stats.GetProperty("trading").GetInt32(), int.Parse(trades.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stats.GetProperty("items").GetInt32(), int.Parse(trades.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var cost = TotalCost().Match(text);
        if (cost.Success) Assert.Equal(stats.GetProperty("totalCost").GetInt64(), long.Parse(cost.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var squares = SumSquares().Match(text);
        if (squares.Success) Assert.Equal(stats.GetProperty("sumSquares").GetInt64(), long.Parse(squares.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        int code = YaluCommand.Run(args, TextReader.Null, () => Stream.Null, stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [GeneratedRegex(@"^Num trades  = (\d+) of (\d+) items", RegexOptions.Multiline)]
    private static partial Regex NumTrades();

    [GeneratedRegex(@"^Total cost  = (\d+)", RegexOptions.Multiline)]
    private static partial Regex TotalCost();

    [GeneratedRegex(@"^Sum squares = (\d+)", RegexOptions.Multiline)]
    private static partial Regex SumSquares();
}
