using Xunit;
using static Yalu.Formats.Tests.TradeMaximizer.WantLists;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary><c>%name</c> dummy items: private to their user, allowed only with ALLOW-DUMMIES.</summary>
public sealed class DummyItemTests
{
    [Fact]
    public void Dummies_of_the_same_name_belong_to_different_users()
    {
        var doc = Read("""
            #! ALLOW-DUMMIES
            (ann) a1 : %g
            (ann) %g : b1 c1
            (bob) b1 : %g
            (bob) %g : a1
            (cy) c1 : a1
            """);
        var graph = doc.Graph;

        Assert.Empty(doc.Problems);
        Assert.Equal(5, graph.ItemCount);
        Assert.Equal(3, graph.RealItemCount);
        int annGroup = Item(graph, "%G for user (ANN)");
        int bobGroup = Item(graph, "%G for user (BOB)");
        Assert.True(graph.IsDummy(annGroup));
        Assert.True(graph.IsDummy(bobGroup));
        Assert.Equal(["%G for user (ANN)"], WantsOf(graph, "A1"));
        Assert.Equal(["%G for user (BOB)"], WantsOf(graph, "B1"));
        Assert.Equal(["B1", "C1"], WantsOf(graph, "%G for user (ANN)"));
        Assert.Equal(["A1"], WantsOf(graph, "%G for user (BOB)"));
        Assert.Equal("ANN", OwnerOf(graph, "%G for user (ANN)"));
    }

    [Fact]
    public void Dummy_keeps_its_label_as_written()
    {
        var graph = Read("#! ALLOW-DUMMIES\n(ann) %Group : b\n(ann) a : %group\n(bob) b : a\n").Graph;

        Assert.Equal("%Group", graph.ItemLabel(Item(graph, "%GROUP for user (ANN)")));
    }

    [Fact]
    public void Dummies_without_allow_dummies_are_a_problem_and_cannot_be_wanted()
    {
        var doc = Read("""
            (ann) %g : b1
            (ann) a1 : %g b1
            (bob) b1 : a1
            """);

        Assert.False(doc.Options.AllowDummies);
        Assert.Contains("**** Dummy items not allowed. (%G)", doc.Problems);
        Assert.Contains("**** Unknown item %G for user (ANN) (1 occurrence)", doc.Problems);
        Assert.Equal(["B1"], WantsOf(doc.Graph, "A1"));
        Assert.Equal(2, doc.Graph.RealItemCount);
    }

    [Fact]
    public void Dummy_declared_without_a_username_is_a_problem()
    {
        var doc = Read("#! ALLOW-DUMMIES\n%g : a1\n(ann) a1 : b1\n(bob) b1 : a1\n");

        Assert.Equal("**** Dummy item %G declared without a username.", Assert.Single(doc.Problems));
    }

    [Fact]
    public void Dummy_wanted_from_a_list_without_a_username_is_a_problem()
    {
        var doc = Read("#! ALLOW-DUMMIES\na1 : %g b1\nb1 : a1\n");

        Assert.Equal(["B1"], WantsOf(doc.Graph, "A1"));
        Assert.Equal(
            "**** Dummy item %G used in want list for item A1, which does not have a username.",
            Assert.Single(doc.Problems));
    }

    [Fact]
    public void Wanting_another_users_dummy_reaches_only_ones_own_dummy()
    {
        // ann writes %g but only bob has a %g: ann's want is for her own (missing) %g.
        var doc = Read("#! ALLOW-DUMMIES\n(ann) a1 : %g b1\n(bob) b1 : %g\n(bob) %g : a1\n");

        Assert.Equal(["B1"], WantsOf(doc.Graph, "A1"));
        Assert.Contains("**** Unknown item %G for user (ANN) (1 occurrence)", doc.Problems);
    }

    [Fact]
    public void Real_item_may_want_its_owners_dummy()
    {
        var doc = Read("#! ALLOW-DUMMIES\n(ann) a1 : %g\n(ann) %g : b1\n(bob) b1 : a1\n");

        Assert.Empty(doc.Problems);
        Assert.Equal(["%G for user (ANN)"], WantsOf(doc.Graph, "A1"));
    }

    [Fact]
    public void Dummy_wanting_an_item_of_its_own_user_is_a_same_user_problem()
    {
        var doc = Read("#! ALLOW-DUMMIES\n(bob) b : %x\n(bob) %x : b\n");

        Assert.Empty(WantsOf(doc.Graph, "%X for user (BOB)"));
        Assert.Equal("**** Item %X for user (BOB) contains item B from the same user ((BOB))", Assert.Single(doc.Problems));
    }
}
