using System.Text.Json;
using Xunit;

namespace Yalu.Tests;

/// <summary><c>yalu clear</c> with capped loops and chains, through the command line.</summary>
public sealed class CappedClearCommandTests
{
    // Four pairs and one altruist (vertex 5). Arcs u→v: the donor of u can give to the patient of v.
    // 1⇄2 is a 2-loop; 3→4→3 another; the altruist 5 gives to 1, so a chain 5→1→… competes with 1⇄2.
    private const string Wmd = """
        # FILE NAME: test.wmd
        # NUMBER ALTERNATIVES: 5
        # NUMBER EDGES: 9
        # ALTERNATIVE NAME 1: Pair 1
        # ALTERNATIVE NAME 2: Pair 2
        # ALTERNATIVE NAME 3: Pair 3
        # ALTERNATIVE NAME 4: Pair 4
        # ALTERNATIVE NAME 5: Alturist 5
        1,2,1.0
        2,1,1.0
        3,4,1.0
        4,3,1.0
        5,1,1.0
        1,5,0.0
        2,5,0.0
        3,5,0.0
        4,5,0.0

        """;

    private static string Write(string text, string extension)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("yalu-capped-").FullName, "instance" + extension);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_wmd_file_clears_with_loops_chains_objective_and_bound()
    {
        string file = Write(Wmd, ".wmd");
        var run = CliRun.Run(["clear", file, "--max-cycle", "2", "--max-chain", "3", "--json", "--quiet"]);
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        // Best: 3⇄4 (2) plus the chain 5→1→2 (2 legs) = 4 transplants; 1⇄2 with 3⇄4 is also 4.
        Assert.Equal(4, root.GetProperty("objective").GetDouble());
        Assert.Equal(root.GetProperty("objective").GetDouble(), root.GetProperty("bound").GetDouble());
        var items = root.GetProperty("loops").EnumerateArray().SelectMany(l => l.EnumerateArray())
            .Concat(root.GetProperty("chains").EnumerateArray().SelectMany(c => c.EnumerateArray()))
            .Select(e => e.GetString()).ToList();
        Assert.Equal(items.Count, items.Distinct().Count());
        Assert.All(root.GetProperty("loops").EnumerateArray(), l => Assert.True(l.GetArrayLength() <= 2));
    }

    [Fact]
    public void Text_output_names_the_status_objective_bound_and_phases()
    {
        string file = Write(Wmd, ".wmd");
        var run = CliRun.Run(["clear", file, "--max-cycle", "3", "--quiet"]);
        Assert.Equal(0, run.Code);
        Assert.Contains("Status      = optimal", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Objective   = 4", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Bound       = 4", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Phases      = read", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_want_list_clears_with_capped_loops()
    {
        // A 3-loop and a 2-loop share item a1: with loops of at most 2 only the swap remains.
        using var file = new TempWantList("""
            (alice) a1 : b1 c1
            (bob) b1 : c1 a1
            (carol) c1 : a1

            """);
        var capped = CliRun.Run(["clear", file.Path, "--max-cycle", "2", "--json", "--quiet"]);
        Assert.Equal(0, capped.Code);
        using var doc = JsonDocument.Parse(capped.Stdout);
        Assert.All(doc.RootElement.GetProperty("loops").EnumerateArray(), l => Assert.True(l.GetArrayLength() <= 2));
        Assert.Equal(2, doc.RootElement.GetProperty("objective").GetDouble());
    }

    [Fact]
    public void Bad_caps_are_a_usage_error_and_a_bad_file_an_input_error()
    {
        string file = Write(Wmd, ".wmd");
        Assert.Equal(2, CliRun.Run(["clear", file, "--max-cycle", "1"]).Code);
        string broken = Write("# NUMBER ALTERNATIVES: 2\n# NUMBER EDGES: 1\n1,9,1\n", ".wmd");
        var run = CliRun.Run(["clear", broken, "--max-cycle", "3"]);
        Assert.Equal(1, run.Code);
        Assert.Contains("instance.wmd:", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("picef")]
    [InlineData("routes")]
    [InlineData("column-generation")]
    public void Every_formulation_reaches_the_same_optimum(string formulation)
    {
        string file = Write(Wmd, ".wmd");
        var run = CliRun.Run(["clear", file, "--max-cycle", "2", "--max-chain", "3", "--formulation", formulation, "--json", "--quiet"]);
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("optimal", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("objective").GetDouble());
    }

    [Fact]
    public void A_formulation_without_caps_is_a_usage_error()
    {
        using var file = new TempWantList("(alice) a1 : b1\n(bob) b1 : a1\n");
        var run = CliRun.Run(["clear", file.Path, "--formulation", "picef"]);
        Assert.Equal(2, run.Code);
        Assert.Contains("--formulation", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Run(["clear", Write(Wmd, ".wmd"), "--formulation", "simplex"]).Code);
    }
}
