using Xunit;
using static Yalu.Formats.Tests.TradeMaximizer.WantLists;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>The <c>!BEGIN-OFFICIAL-NAMES</c> block: which items may have want lists.</summary>
public sealed class OfficialNamesTests
{
    [Fact]
    public void Official_item_without_a_want_list_still_takes_a_rank_step()
    {
        var doc = Read("""
            #! LINEAR-PRIORITIES
            !BEGIN-OFFICIAL-NAMES
            a1
            b1
            e1
            !END-OFFICIAL-NAMES
            (ann) a1 : e1 b1
            (bob) b1 : a1
            """);

        Assert.Equal(["B1"], WantsOf(doc.Graph, "A1"));
        Assert.Equal([2L], CostsOf(doc.Graph, "A1"));
        Assert.DoesNotContain(doc.Problems, p => p.Contains("E1", StringComparison.Ordinal));
    }

    [Fact]
    public void Want_list_for_a_name_that_is_not_official_is_a_problem_and_ignored()
    {
        var doc = Read("""
            !BEGIN-OFFICIAL-NAMES
            a1
            b1
            !END-OFFICIAL-NAMES
            (ann) a1 : b1
            (bob) b1 : a1
            (bob) b2 : a1
            """);

        Assert.Equal(["A1", "B1"], Names(doc.Graph));
        Assert.Equal(
            "**** Cannot define want list for B2 because it is not an official name.  (Usually indicates a typo by the item owner.)",
            Assert.Single(doc.Problems));
    }

    [Fact]
    public void Missing_official_names_are_listed_in_order()
    {
        var doc = Read("""
            !BEGIN-OFFICIAL-NAMES
            zed
            a1
            mid
            b1
            !END-OFFICIAL-NAMES
            a1 : b1
            b1 : a1
            """);

        Assert.Equal(["MID", "ZED"], doc.MissingOfficialNames);
    }

    [Fact]
    public void File_without_official_names_has_no_missing_list()
    {
        Assert.Null(Read("a : b\nb : a\n").MissingOfficialNames);
    }

    [Fact]
    public void Official_name_line_may_describe_the_item_after_the_name()
    {
        var doc = Read("""
            !begin-official-names
            0001-NIGHT ==> "Nightfall" (from cuazzel) #1 in my heart
            0002-DAY: Daybreak; (2nd edition)
            !end-official-names
            (cuazzel) 0001-night : 0002-day
            (bob) 0002-DAY : 0001-NIGHT
            """);

        Assert.Empty(doc.Problems);
        Assert.Equal(["0001-NIGHT", "0002-DAY"], Names(doc.Graph));
        Assert.Empty(doc.MissingOfficialNames!);
    }

    [Fact]
    public void Official_names_are_case_folded_like_item_names()
    {
        var doc = Read("!BEGIN-OFFICIAL-NAMES\nMixed-Case\n!END-OFFICIAL-NAMES\nmixed-CASE : x\n");

        Assert.Equal(["MIXED-CASE"], Names(doc.Graph));
    }

    [Fact]
    public void Dummies_need_no_official_name()
    {
        var doc = Read("""
            #! ALLOW-DUMMIES
            !BEGIN-OFFICIAL-NAMES
            a1
            b1
            !END-OFFICIAL-NAMES
            (ann) a1 : %g
            (ann) %g : b1
            (bob) b1 : a1
            """);

        Assert.Empty(doc.Problems);
        Assert.Equal(["%G for user (ANN)"], WantsOf(doc.Graph, "A1"));
    }

    [Fact]
    public void Block_never_ended_is_a_warning_and_the_rest_are_official_names()
    {
        var result = Yalu.Formats.TradeMaximizer.TradeMaximizerReader.ReadText("#! SHOW-MISSING\n!BEGIN-OFFICIAL-NAMES\na1\nb1 : a1\n");

        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("TM027", 2), (warning.Code, warning.Line));
        Assert.Equal(0, result.Value!.Graph.ItemCount);
        Assert.Equal(["A1", "B1"], result.Value.MissingOfficialNames);
    }
}
