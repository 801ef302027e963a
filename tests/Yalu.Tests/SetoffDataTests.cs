using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Yalu.Tests;

/// <summary>
/// Every network of ../shared/data/credit/expected.tsv set off through the command line: the listed
/// total debt, net internal debt and most debt clearable (max_cleared) exactly; every party's net
/// position the same before and after, recomputed from the <c>--out</c> file alone; and
/// <c>--max-flow</c> clearing exactly the listed plain_maxflow_cleared.
/// </summary>
public sealed class SetoffDataTests
{
    /// <summary>One case per expected.tsv row; a placeholder when the data is missing, so the test still runs (and fails under CI).</summary>
    public static TheoryData<string> Networks() => SharedData.ExpectedNames("credit");

    private static long Cell(IReadOnlyDictionary<string, string> row, string column) => long.Parse(row[column], CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Networks))]
    public void Setoff_clears_the_most_debt_and_keeps_every_position(string file)
    {
        string folder = SharedData.Require("credit");
        var expected = SharedData.Expected("credit").Single(r => r["file"] == file);
        string output = Path.Combine(Path.GetTempPath(), $"yalu-setoff-{Guid.NewGuid():N}.csv");
        try
        {
            var run = CliRun.Run(["setoff", Path.Combine(folder, file), "--json", "--out", output]);
            Assert.True(run.Code == 0, run.Stderr);
            using var json = JsonDocument.Parse(run.Stdout);
            var summary = json.RootElement;
            Assert.Equal(Cell(expected, "firms"), summary.GetProperty("parties").GetInt64());
            Assert.Equal(Cell(expected, "obligations"), summary.GetProperty("obligations").GetInt64());
            Assert.Equal(Cell(expected, "total_debt"), summary.GetProperty("totalDebt").GetInt64());
            Assert.Equal(Cell(expected, "net_internal_debt"), summary.GetProperty("netInternalDebt").GetInt64());
            Assert.Equal(Cell(expected, "max_cleared"), summary.GetProperty("cleared").GetInt64());

            // Positions before (amounts) and after (remainders), from the written file alone.
            var before = new Dictionary<string, long>(StringComparer.Ordinal);
            var after = new Dictionary<string, long>(StringComparer.Ordinal);
            long cleared = 0;
            var lines = File.ReadAllLines(output);
            Assert.Equal("debtor,creditor,amount,setoff,remainder", lines[0]);
            Assert.Equal(Cell(expected, "obligations"), lines.Length - 1);
            foreach (string line in lines.Skip(1))
            {
                var cells = line.Split(',');
                long amount = long.Parse(cells[2], CultureInfo.InvariantCulture);
                long setoff = long.Parse(cells[3], CultureInfo.InvariantCulture);
                long remainder = long.Parse(cells[4], CultureInfo.InvariantCulture);
                Assert.InRange(setoff, 0, amount);
                Assert.Equal(amount, setoff + remainder);
                cleared += setoff;
                Move(before, cells[0], cells[1], amount);
                Move(after, cells[0], cells[1], remainder);
            }
            Assert.Equal(Cell(expected, "max_cleared"), cleared);
            foreach (var (party, position) in before) Assert.True(after.GetValueOrDefault(party) == position, $"party {party}: {position} before, {after.GetValueOrDefault(party)} after");
            Assert.Equal(Cell(expected, "net_internal_debt"), after.Values.Where(p => p > 0).Sum());
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Setoff_max_flow_reproduces_the_plain_max_flow_figure(string file)
    {
        string folder = SharedData.Require("credit");
        var expected = SharedData.Expected("credit").Single(r => r["file"] == file);
        var run = CliRun.Run(["setoff", Path.Combine(folder, file), "--json", "--max-flow"]);
        Assert.True(run.Code == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(Cell(expected, "plain_maxflow_cleared"), json.RootElement.GetProperty("cleared").GetInt64());
        Assert.True(Cell(expected, "plain_maxflow_cleared") < Cell(expected, "max_cleared"));
    }

    private static void Move(Dictionary<string, long> positions, string debtor, string creditor, long amount)
    {
        positions[debtor] = positions.GetValueOrDefault(debtor) - amount;
        positions[creditor] = positions.GetValueOrDefault(creditor) + amount;
    }
}
