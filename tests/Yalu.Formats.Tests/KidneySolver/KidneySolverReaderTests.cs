using Xunit;
using Yalu.Formats.KidneySolver;
using Yalu.Market.Graphs;

namespace Yalu.Formats.Tests.KidneySolver;

/// <summary>kidney_solver's .input (pairs) and .ndds (donors) files.</summary>
public sealed class KidneySolverReaderTests
{
    private const string Input = "3\t4\n0\t1\t1\n1\t0\t1\n1\t2\t0.25\n2\t0\t2.5\n-1\t-1\t-1\n";
    private const string Ndds = "2\t2\n0\t2\t1\n1\t0\t0.5\n-1\t-1\t-1\n";

    private static WantGraph Read(string input, string? ndds = null)
    {
        var result = KidneySolverReader.ReadText(input, ndds, "x.input", "x.ndds");
        Assert.Empty(result.Errors);
        return result.Value!;
    }

    private static FormatDiagnostic Error(string input, string? ndds = null) =>
        Assert.Single(KidneySolverReader.ReadText(input, ndds, "x.input", "x.ndds").Errors);

    [Fact]
    public void Pairs_are_named_by_id_and_donors_by_D_and_id()
    {
        var graph = Read(Input, Ndds);
        Assert.Equal(["0", "1", "2", "D0", "D1"], Enumerable.Range(0, graph.ItemCount).Select(graph.ItemName));
        Assert.Equal(2, graph.DonorCount);
        Assert.True(graph.IsDonor(3));
    }

    [Fact]
    public void An_arc_s_t_is_the_want_t_receives_s_with_its_real_weight()
    {
        var graph = Read(Input, Ndds);
        Assert.Equal([1, 2, 4], graph.WantsOf(0).ToArray());
        Assert.Equal([1.0, 2.5, 0.5], graph.WeightsOf(0).ToArray());
        Assert.Equal([1, 3], graph.WantsOf(2).ToArray());
        Assert.Equal(0.25, graph.WeightsOf(2)[0]);
    }

    [Fact]
    public void Without_a_donor_file_there_are_no_donors()
    {
        var graph = Read(Input);
        Assert.Equal(3, graph.ItemCount);
        Assert.Equal(0, graph.DonorCount);
    }

    [Fact]
    public void Spaces_work_as_well_as_tabs_and_text_after_the_terminator_is_ignored()
    {
        var graph = Read("2 2\n0 1 1\n1 0 1\n-1 -1 -1\nwhatever follows\n");
        Assert.Equal(2, graph.WantCount);
    }

    [Fact]
    public void The_donor_file_beside_an_input_file_is_found()
    {
        var folder = Directory.CreateTempSubdirectory("yalu-ks-").FullName;
        string input = Path.Combine(folder, "pool.input");
        File.WriteAllText(input, Input);
        Assert.Null(KidneySolverReader.DonorFileBeside(input));
        File.WriteAllText(Path.Combine(folder, "pool.ndds"), Ndds);
        Assert.Equal(Path.Combine(folder, "pool.ndds"), KidneySolverReader.DonorFileBeside(input));
        var graph = KidneySolverReader.ReadFiles(input, KidneySolverReader.DonorFileBeside(input)).Value!;
        Assert.Equal(2, graph.DonorCount);
    }

    [Fact]
    public void Too_few_arcs_before_the_terminator_is_an_error()
    {
        var error = Error("2 3\n0 1 1\n1 0 1\n-1 -1 -1\n");
        Assert.Equal(("x.input", 4, "KS007"), (error.Source, error.Line, error.Code));
    }

    [Fact]
    public void A_missing_terminator_is_an_error()
    {
        Assert.Equal("KS008", Error("2 2\n0 1 1\n1 0 1\n").Code);
    }

    [Theory]
    [InlineData("0 5 1", "KS003", 3)]
    [InlineData("0 1 x", "KS004", 5)]
    [InlineData("1 1 1", "KS005", 3)]
    [InlineData("0 1", "KS002", 0)]
    public void Malformed_arcs_are_errors_at_their_column(string arc, string code, int column)
    {
        var error = Error($"2 1\n{arc}\n-1 -1 -1\n");
        Assert.Equal((code, 2, column), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Errors_in_the_donor_file_name_the_donor_file()
    {
        var error = Error(Input, "1 1\n0 7 1\n-1 -1 -1\n");
        Assert.Equal(("x.ndds", 2, "KS003"), (error.Source, error.Line, error.Code));
        Assert.Contains("pairs are 0 to 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_arc_is_an_error()
    {
        Assert.Equal("KS006", Error("2 2\n0 1 1\n0 1 1\n-1 -1 -1\n").Code);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Equal("KS001", Error("").Code);
    }

    // Found with the fuzz harness (bench/Yalu.Fuzz): a first line declaring two billion pairs made
    // the reader add two billion items and run out of memory instead of reporting the line.
    [Fact]
    public void A_pair_file_declaring_more_pairs_than_Yalu_reads_is_an_error_on_its_first_line()
    {
        var error = Error("2000000000 0\n-1 -1 -1\n");
        Assert.Equal(("x.input", 1, 1, "KS010"), (error.Source, error.Line, error.Column, error.Code));
        Assert.Contains("2000000000 pairs; Yalu reads at most 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_donor_file_declaring_more_donors_than_Yalu_reads_is_an_error_in_the_donor_file()
    {
        var error = Error(Input, "100001 0\n-1 -1 -1\n");
        Assert.Equal(("x.ndds", 1, "KS010"), (error.Source, error.Line, error.Code));
        Assert.Contains("donors", error.Message, StringComparison.Ordinal);
    }

    // afl-fuzz's first find on the reader before the fix, as it saved it (hangs/id:000000, after
    // 23 s): a first line declaring 12,000,099 pairs, which the reader tried to add one by one.
    private static readonly byte[] FuzzHangHugePairCount =
    [
        0x31, 0x32, 0x30, 0x30, 0x30, 0x30, 0x39, 0x39, 0x09, 0x30, 0x0A, 0x2D, 0x31, 0x20, 0x2D, 0x31,
        0x20, 0x2D, 0x31, 0x0A, 0xF4, 0x40,
    ];

    [Fact]
    public void The_fuzzers_pair_file_with_a_huge_pair_count_is_a_clean_error()
    {
        var result = KidneySolverReader.Read(FuzzHangHugePairCount, "hang.input", [], null);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("hang.input", 1, 1, "KS010"), (error.Source, error.Line, error.Column, error.Code));
        Assert.Equal("the first line declares 12000099 pairs; Yalu reads at most 100000", error.Message);
    }
}
