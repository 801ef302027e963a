using Xunit;
using Yalu.Formats.PrefLib;
using Yalu.Market.Graphs;

namespace Yalu.Formats.Tests.PrefLib;

/// <summary>PrefLib matching data (.wmd), current and old layouts, and every error it names.</summary>
public sealed class PrefLibReaderTests
{
    private const string Current = """
        # FILE NAME: 00036-00000000.wmd
        # TITLE: Kidney Matching - 3 with 1
        # DATA TYPE: wmd
        # NUMBER ALTERNATIVES: 4
        # NUMBER EDGES: 6
        # ALTERNATIVE NAME 1: Pair 1
        # ALTERNATIVE NAME 2: Pair 2
        # ALTERNATIVE NAME 3: Pair 3
        # ALTERNATIVE NAME 4: Alturist 4
        1,2,1.0
        2,1,1.0
        4,3,0.5
        1,4,0.0
        2,4,0.0
        3,4,0.0
        """;

    private static WantGraph Read(string text)
    {
        var result = PrefLibReader.ReadText(text, "test.wmd");
        Assert.Empty(result.Errors);
        return result.Value!;
    }

    private static FormatDiagnostic Error(string text) => Assert.Single(PrefLibReader.ReadText(text, "test.wmd").Errors);

    [Fact]
    public void Vertices_become_items_named_by_number_and_altruists_become_donors()
    {
        var graph = Read(Current);
        Assert.Equal(4, graph.ItemCount);
        Assert.Equal(["1", "2", "3", "4"], Enumerable.Range(0, 4).Select(graph.ItemName));
        Assert.Equal([false, false, false, true], Enumerable.Range(0, 4).Select(graph.IsDonor));
        Assert.Equal(1, graph.DonorCount);
    }

    [Fact]
    public void An_arc_u_v_is_the_want_v_receives_u_and_arcs_into_donors_are_dropped()
    {
        var graph = Read(Current);
        Assert.Equal(3, graph.WantCount);
        Assert.Equal([1], graph.WantsOf(0).ToArray());
        Assert.Equal([0], graph.WantsOf(1).ToArray());
        Assert.Equal([3], graph.WantsOf(2).ToArray());
        Assert.Equal(0.5, graph.WeightsOf(2)[0]);
        Assert.Equal(0, graph.WantsOf(3).Length);
    }

    [Fact]
    public void The_old_layout_numbers_its_arcs_from_zero()
    {
        const string old = "4,6\n1,Pair 1 \n2,Pair 2 \n3,Pair 3 \n4,Alturist 4 \n0,1,1\n1,0,1\n3,2,1\n0,3,0\n1,3,0\n2,3,0\n";
        var graph = Read(old);
        Assert.Equal(4, graph.ItemCount);
        Assert.True(graph.IsDonor(3));
        Assert.Equal([1], graph.WantsOf(0).ToArray());
        Assert.Equal([3], graph.WantsOf(2).ToArray());
        Assert.Equal(3, graph.WantCount);
    }

    [Fact]
    public void Both_layouts_of_the_same_pool_read_alike()
    {
        const string old = "4,6\n1,Pair 1\n2,Pair 2\n3,Pair 3\n4,Alturist 4\n0,1,1\n1,0,1\n3,2,0.5\n0,3,0\n1,3,0\n2,3,0\n";
        var a = Read(Current);
        var b = Read(old);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(a.WantsOf(i).ToArray(), b.WantsOf(i).ToArray());
            Assert.Equal(a.WeightsOf(i).ToArray(), b.WeightsOf(i).ToArray());
            Assert.Equal(a.IsDonor(i), b.IsDonor(i));
        }
    }

    [Fact]
    public void Windows_line_ends_and_a_byte_order_mark_are_accepted()
    {
        var graph = Read("\uFEFF" + Current.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(3, graph.WantCount);
    }

    [Fact]
    public void A_vertex_out_of_range_is_an_error_at_its_column()
    {
        var error = Error("# NUMBER ALTERNATIVES: 2\n# NUMBER EDGES: 1\n1,9,1\n");
        Assert.Equal(("test.wmd", 3, 3, "PL005"), (error.Source, error.Line, error.Column, error.Code));
        Assert.Contains("vertices are 1 to 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,2\n", "PL004")]
    [InlineData("1,2,1,7\n", "PL004")]
    [InlineData("1,x,1\n", "PL005")]
    [InlineData("1,2,-1\n", "PL006")]
    [InlineData("1,2,heavy\n", "PL006")]
    [InlineData("1,1,1\n", "PL007")]
    public void Malformed_arcs_are_errors(string arc, string code)
    {
        var error = Error("# NUMBER ALTERNATIVES: 2\n# NUMBER EDGES: 1\n" + arc);
        Assert.Equal(code, error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_repeated_arc_is_an_error()
    {
        var error = Error("# NUMBER ALTERNATIVES: 2\n# NUMBER EDGES: 2\n1,2,1\n1,2,1\n");
        Assert.Equal(("PL008", 4), (error.Code, error.Line));
    }

    [Fact]
    public void A_weighted_arc_into_a_donor_is_an_error()
    {
        var error = Error("# NUMBER ALTERNATIVES: 2\n# NUMBER EDGES: 1\n# ALTERNATIVE NAME 2: Alturist 2\n1,2,1.0\n");
        Assert.Equal(("PL009", 4, 5), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void The_edge_count_must_match_the_header()
    {
        Assert.Equal("PL010", Error("# NUMBER ALTERNATIVES: 2\n# NUMBER EDGES: 2\n1,2,1\n").Code);
    }

    [Fact]
    public void Arcs_need_the_number_of_alternatives_first()
    {
        Assert.Equal("PL002", Error("# hello\n1,2,1\n").Code);
        Assert.Equal("PL001", Error("").Code);
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var result = PrefLibReader.ReadText("# NUMBER ALTERNATIVES: 2\n# NUMBER EDGES: 3\n1,5,1\n1,1,1\n2,1,x\n", "test.wmd");
        Assert.Null(result.Value);
        Assert.Equal(["PL005", "PL007", "PL006"], result.Errors.Select(e => e.Code));
        Assert.Equal([3, 4, 5], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Errors_print_as_file_line_column()
    {
        var error = Error("# NUMBER ALTERNATIVES: 2\n# NUMBER EDGES: 1\n1,9,1\n");
        Assert.StartsWith("test.wmd:3:3: PL005: ", error.ToString(), StringComparison.Ordinal);
    }

    // Found with the fuzz harness (bench/Yalu.Fuzz): one header line made the reader allocate two
    // billion vertices and run out of memory instead of reporting the line.
    [Theory]
    [InlineData("# NUMBER ALTERNATIVES: 2000000000\n", 1, 24)]
    [InlineData("2000000000,0\n", 1, 1)]
    [InlineData("# NUMBER ALTERNATIVES: 100001\n# NUMBER EDGES: 0\n", 1, 24)]
    public void A_header_declaring_more_vertices_than_Yalu_reads_is_an_error_at_the_count(string text, int line, int column)
    {
        var result = PrefLibReader.ReadText(text, "huge.wmd");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("huge.wmd", line, column, "PL013"), (error.Source, error.Line, error.Column, error.Code));
        Assert.Contains("at most 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_declaring_exactly_the_most_vertices_is_read()
    {
        var graph = Read($"# NUMBER ALTERNATIVES: {PrefLibReader.MaxVertices}\n# NUMBER EDGES: 1\n1,2,1\n");
        Assert.Equal(PrefLibReader.MaxVertices, graph.ItemCount);
    }

    // afl-fuzz's first crash on the reader before the fix, as it saved it (crashes/id:000000, after
    // 20 s): a blank line, then the old layout's '444444441,0' among binary noise.
    private static readonly byte[] FuzzCrashOldLayoutHugeCount =
    [
        0x0A, 0x34, 0x34, 0x34, 0x34, 0x34, 0x34, 0x34, 0x34, 0x31, 0x2C, 0x30, 0x0A, 0x34, 0x2D, 0x2E,
        0x0A, 0x2F, 0x2C, 0x20, 0x34, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C,
        0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x9C, 0x21, 0xF3, 0x2C, 0xFF, 0xFF,
        0x31, 0x2C, 0xFF, 0xFF, 0x31, 0x2C, 0x10, 0x30, 0x31, 0x0A, 0x0D, 0x34, 0x4F, 0x00, 0x01, 0x0A,
        0xE9, 0x00, 0x25, 0x30, 0x0A, 0x32, 0x4F, 0x06, 0xFF, 0x31, 0x0A, 0x30, 0x0A, 0x32, 0x30, 0x0A,
    ];

    [Fact]
    public void The_fuzzers_old_layout_input_with_a_huge_vertex_count_is_a_clean_error()
    {
        var result = PrefLibReader.Read(FuzzCrashOldLayoutHugeCount, "crash.wmd");
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("crash.wmd", 2, 1, "PL013"), (error.Source, error.Line, error.Column, error.Code));
        Assert.Equal("the file declares 444444441 vertices; Yalu reads at most 100000", error.Message);
    }
}
