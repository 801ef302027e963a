using System.Text.Json;
using Xunit;

namespace Yalu.Tests;

public sealed class SetoffCommandTests
{
    // informalsystems/mtcs data/micro.csv: the cycle 10→20→30→10 sets off 100 on each of its legs.
    private const string Micro = "id,debtor,creditor,amount\n1,10,20,100\n2,20,30,100\n3,30,10,200\n4,40,30,100\n";

    [Fact]
    public void Setoff_prints_total_net_internal_cleared_and_remaining()
    {
        using var file = new TempWantList(Micro, "micro.csv");
        var run = CliRun.Run(["setoff", file.Path]);
        Assert.Equal(0, run.Code);
        Assert.Contains("total debt        500\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("net internal debt 100\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("cleared           300 (60.00% of total debt)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("remaining         200\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("min-cost-flow (exact)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Setoff_json_is_the_summary()
    {
        using var file = new TempWantList(Micro, "micro.csv");
        var run = CliRun.Run(["setoff", file.Path, "--json"]);
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("min-cost-flow", json.RootElement.GetProperty("method").GetString());
        Assert.Equal(500, json.RootElement.GetProperty("totalDebt").GetInt64());
        Assert.Equal(300, json.RootElement.GetProperty("cleared").GetInt64());
        Assert.Equal(200, json.RootElement.GetProperty("remaining").GetInt64());
        Assert.Equal(4, json.RootElement.GetProperty("parties").GetInt32());
    }

    [Fact]
    public void Setoff_out_writes_every_obligation_with_setoff_and_remainder()
    {
        using var file = new TempWantList(Micro, "micro.csv");
        string output = Path.Combine(Path.GetDirectoryName(file.Path)!, "setoffs.csv");
        var run = CliRun.Run(["setoff", file.Path, "--out", output]);
        Assert.Equal(0, run.Code);
        Assert.Equal(
            "id,debtor,creditor,amount,setoff,remainder\n1,10,20,100,100,0\n2,20,30,100,100,0\n3,30,10,200,100,100\n4,40,30,100,0,100\n",
            File.ReadAllText(output));
        // Only the input and the output: the temporary file was renamed, none is left behind.
        Assert.Equal(["micro.csv", "setoffs.csv"], Directory.GetFiles(Path.GetDirectoryName(file.Path)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Setoff_max_flow_runs_the_plain_max_flow()
    {
        using var file = new TempWantList(Micro, "micro.csv");
        var run = CliRun.Run(["setoff", file.Path, "--max-flow", "--json"]);
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("plain-max-flow", json.RootElement.GetProperty("method").GetString());
        Assert.InRange(json.RootElement.GetProperty("cleared").GetInt64(), 0, 300);
    }

    [Fact]
    public void Setoff_reads_standard_input()
    {
        var run = CliRun.Run(["setoff", "-"], "debtor,creditor,amount\nA,B,5\nB,A,7\n");
        Assert.Equal(0, run.Code);
        Assert.True(run.StdinOpened);
        Assert.Contains("cleared           10 ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_exits_1_with_every_error_and_writes_nothing()
    {
        using var file = new TempWantList("debtor,creditor,amount\nA,B,5\nB,B,5\nC,A,-2\nA,C,1.5\n", "bad.csv");
        string output = Path.Combine(Path.GetDirectoryName(file.Path)!, "setoffs.csv");
        var run = CliRun.Run(["setoff", file.Path, "--out", output]);
        Assert.Equal(1, run.Code);
        Assert.Contains($"{file.Path}:3:3: SO007: 'B' owes itself", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file.Path}:4:5: SO005: amount '-2' is negative", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file.Path}:5:5: SO004: amount '1.5' is not a whole number", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 error(s); nothing was cleared", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_missing_file_exits_1()
    {
        using var file = new TempWantList(Micro, "micro.csv");
        var run = CliRun.Run(["setoff", file.Missing]);
        Assert.Equal(1, run.Code);
        Assert.Contains("cannot read", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_out_file_exits_1()
    {
        using var file = new TempWantList(Micro, "micro.csv");
        var run = CliRun.Run(["setoff", file.Path, "--out", Path.Combine(file.Missing, "nested", "x.csv")]);
        Assert.Equal(1, run.Code);
        Assert.Contains("cannot write", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setoff")]
    [InlineData("setoff a.csv --no-such-option")]
    [InlineData("setoff a.csv b.csv")]
    public void Usage_errors_exit_2(string args)
    {
        var run = CliRun.Run(args.Split(' '));
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Stdout);
    }
}
