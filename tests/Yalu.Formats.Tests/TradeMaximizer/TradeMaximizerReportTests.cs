using Xunit;
using Yalu.Engine;
using Yalu.Formats.TradeMaximizer;
using Yalu.Market.Graphs;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>
/// The text report, checked line for line against what TradeMaximizer 1.3c prints for the same file
/// (<c>java tm.TradeMaximizer &lt; file</c>); the header is passed in, so TradeMaximizer's is used here.
/// </summary>
public sealed class TradeMaximizerReportTests
{
    private const string Header = "TradeMaximizer Version 1.3c (dev)";

    private const string OneLoopAndANonTrade = """
        (alice) a1 : b1 c1
        (bob) b1 : c1
        (carol) c1 : a1
        (dave) d1 : a1

        """;

    [Fact]
    public void Report_of_one_loop_and_a_non_trading_item_is_what_TradeMaximizer_prints()
    {
        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)

            TRADE LOOPS (3 total trades):

            (ALICE) A1 receives (BOB) B1
            (BOB) B1   receives (CAROL) C1
            (CAROL) C1 receives (ALICE) A1

            ITEM SUMMARY (3 total trades):

            (ALICE) A1 receives (BOB) B1   and sends to (CAROL) C1
            (BOB) B1   receives (CAROL) C1 and sends to (ALICE) A1
            (CAROL) C1 receives (ALICE) A1 and sends to (BOB) B1
            (DAVE) D1              does not trade

            Num trades  = 3 of 4 items (75.0%)
            Total cost  = 3 (avg 1.00)
            Num groups  = 1
            Group sizes = 3
            Sum squares = 9

            """, Report(OneLoopAndANonTrade));
    }

    [Fact]
    public void Hide_nontrades_leaves_items_that_do_not_trade_out_of_the_summary()
    {
        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)
            Options: HIDE-NONTRADES

            TRADE LOOPS (3 total trades):

            (ALICE) A1 receives (BOB) B1
            (BOB) B1   receives (CAROL) C1
            (CAROL) C1 receives (ALICE) A1

            ITEM SUMMARY (3 total trades):

            (ALICE) A1 receives (BOB) B1   and sends to (CAROL) C1
            (BOB) B1   receives (CAROL) C1 and sends to (ALICE) A1
            (CAROL) C1 receives (ALICE) A1 and sends to (BOB) B1

            Num trades  = 3 of 4 items (75.0%)
            Total cost  = 3 (avg 1.00)
            Num groups  = 1
            Group sizes = 3
            Sum squares = 9

            """, Report("#! HIDE-NONTRADES\n" + OneLoopAndANonTrade));
    }

    [Fact]
    public void Sort_by_item_shows_the_item_before_its_owner()
    {
        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)
            Options: SORT-BY-ITEM

            TRADE LOOPS (3 total trades):

            A1 (ALICE) receives B1 (BOB)
            B1 (BOB)   receives C1 (CAROL)
            C1 (CAROL) receives A1 (ALICE)

            ITEM SUMMARY (3 total trades):

            A1 (ALICE) receives B1 (BOB)   and sends to C1 (CAROL)
            B1 (BOB)   receives C1 (CAROL) and sends to A1 (ALICE)
            C1 (CAROL) receives A1 (ALICE) and sends to B1 (BOB)
            D1 (DAVE)              does not trade

            Num trades  = 3 of 4 items (75.0%)
            Total cost  = 3 (avg 1.00)
            Num groups  = 1
            Group sizes = 3
            Sum squares = 9

            """, Report("#! SORT-BY-ITEM\n" + OneLoopAndANonTrade));
    }

    [Fact]
    public void Hide_stats_keeps_only_the_number_of_trades()
    {
        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)
            Options: HIDE-STATS

            TRADE LOOPS (3 total trades):

            (ALICE) A1 receives (BOB) B1
            (BOB) B1   receives (CAROL) C1
            (CAROL) C1 receives (ALICE) A1

            ITEM SUMMARY (3 total trades):

            (ALICE) A1 receives (BOB) B1   and sends to (CAROL) C1
            (BOB) B1   receives (CAROL) C1 and sends to (ALICE) A1
            (CAROL) C1 receives (ALICE) A1 and sends to (BOB) B1
            (DAVE) D1              does not trade

            Num trades  = 3 of 4 items (75.0%)

            """, Report("#! HIDE-STATS\n" + OneLoopAndANonTrade));
    }

    [Fact]
    public void Two_loops_sorted_by_item_without_nontrades_are_what_TradeMaximizer_prints()
    {
        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)
            Options: SORT-BY-ITEM HIDE-NONTRADES

            TRADE LOOPS (5 total trades):

            C1 (CAROL) receives A1 (ALICE)
            A1 (ALICE) receives B1 (BOB)
            B1 (BOB)   receives C1 (CAROL)

            D1 (DAVE)  receives E1 (ERIN)
            E1 (ERIN)  receives D1 (DAVE)

            ITEM SUMMARY (5 total trades):

            A1 (ALICE) receives B1 (BOB)   and sends to C1 (CAROL)
            B1 (BOB)   receives C1 (CAROL) and sends to A1 (ALICE)
            C1 (CAROL) receives A1 (ALICE) and sends to B1 (BOB)
            D1 (DAVE)  receives E1 (ERIN)  and sends to E1 (ERIN)
            E1 (ERIN)  receives D1 (DAVE)  and sends to D1 (DAVE)

            Num trades  = 5 of 6 items (83.3%)
            Total cost  = 5 (avg 1.00)
            Num groups  = 2
            Group sizes = 3 2
            Sum squares = 13

            """, Report("""
            #! SORT-BY-ITEM HIDE-NONTRADES
            (carol) c1 : a1
            (dave) d1 : e1
            (alice) a1 : b1 c1
            (bob) b1 : c1
            (erin) e1 : d1
            (frank) f1 : a1
            """));
    }

    [Fact]
    public void Missing_official_names_and_errors_come_before_the_loops_as_TradeMaximizer_prints_them()
    {
        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)
            Options: SHOW-MISSING LINEAR-PRIORITIES

            **** Missing want list for official name E1

            ERRORS:
            **** Cannot define want list for X1 because it is not an official name.  (Usually indicates a typo by the item owner.)
            **** Item B1 appears in its own want list.
            **** Unknown item ZZ (1 occurrence)

            TRADE LOOPS (3 total trades):

            (ALICE) A1 receives (BOB) B1
            (BOB) B1   receives (CAROL) C1
            (CAROL) C1 receives (ALICE) A1

            ITEM SUMMARY (3 total trades):

            (ALICE) A1 receives (BOB) B1   and sends to (CAROL) C1
            (BOB) B1   receives (CAROL) C1 and sends to (ALICE) A1
            (CAROL) C1 receives (ALICE) A1 and sends to (BOB) B1
            (DAVE) D1              does not trade

            Num trades  = 3 of 4 items (75.0%)
            Total cost  = 4 (avg 1.33)
            Num groups  = 1
            Group sizes = 3
            Sum squares = 9

            """, Report("""
            #! SHOW-MISSING LINEAR-PRIORITIES
            !BEGIN-OFFICIAL-NAMES
            a1
            b1
            c1
            d1
            e1
            !END-OFFICIAL-NAMES
            (alice) a1 : e1 b1 zz
            (bob) b1 : c1 b1
            (carol) c1 : a1
            (dave) d1 : a1
            (dave) x1 : a1
            """));
    }

    [Fact]
    public void Dummies_route_trades_but_never_appear_in_the_report()
    {
        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)
            Options: ALLOW-DUMMIES LINEAR-PRIORITIES

            TRADE LOOPS (3 total trades):

            (ALICE SMITH) A1 receives (CAROL) C1
            (CAROL) C1       receives (BOB) B1
            (BOB) B1         receives (ALICE SMITH) A1

            ITEM SUMMARY (3 total trades):

            (ALICE SMITH) A1 receives (CAROL) C1       and sends to (BOB) B1
            (BOB) B1         receives (ALICE SMITH) A1 and sends to (CAROL) C1
            (CAROL) C1       receives (BOB) B1         and sends to (ALICE SMITH) A1

            Num trades  = 3 of 3 items (100.0%)
            Total cost  = 4 (avg 1.33)
            Num groups  = 1
            Group sizes = 3
            Sum squares = 9

            """, Report("""
            #! ALLOW-DUMMIES LINEAR-PRIORITIES
            (alice smith) a1 : b1 %x
            (alice smith) %x : b1 c1
            (bob) %x : a1
            (bob) b1 : %x
            (carol) c1 : b1 a1
            """));
    }

    [Fact]
    public void Hide_loops_summary_and_errors_leave_only_the_totals()
    {
        string report = Report("#! HIDE-LOOPS HIDE-SUMMARY HIDE-ERRORS\n(alice) a1 : b1 zz\n(bob) b1 : a1\n");

        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)
            Options: HIDE-LOOPS HIDE-SUMMARY HIDE-ERRORS

            Num trades  = 2 of 2 items (100.0%)
            Total cost  = 2 (avg 1.00)
            Num groups  = 1
            Group sizes = 2
            Sum squares = 4

            """, report);
    }

    [Fact]
    public void Report_with_no_trades_has_no_averages()
    {
        Assert.Equal("""
            TradeMaximizer Version 1.3c (dev)

            TRADE LOOPS (0 total trades):

            ITEM SUMMARY (0 total trades):

            A             does not trade
            B             does not trade

            Num trades  = 0 of 2 items (0.0%)
            Total cost  = 0
            Num groups  = 0
            Group sizes =
            Sum squares = 0

            """, Report("a : b\nb\n"));
    }

    [Fact]
    public void Show_elapsed_time_ends_the_report_with_the_solve_time()
    {
        string report = Report("#! SHOW-ELAPSED-TIME\na : b\nb : a\n", TimeSpan.FromMilliseconds(1234.9));

        Assert.EndsWith("Sum squares = 4\nElapsed time = 1234ms\n", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_refuses_a_result_of_another_graph()
    {
        var doc = WantLists.Read("a : b\nb : a\n");
        var other = WantLists.Read("a : b\nb : a\n");
        var result = new MathTradeSolver().Solve(other.Graph, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Throws<ArgumentException>(() => TradeMaximizerReport.Write(new StringWriter(), doc, result, Header, TimeSpan.Zero));
    }

    private static string Report(string text, TimeSpan elapsed = default)
    {
        var doc = WantLists.Read(text);
        ClearingResult result = new MathTradeSolver().Solve(doc.Graph, cancellationToken: TestContext.Current.CancellationToken);
        using var writer = new StringWriter();
        TradeMaximizerReport.Write(writer, doc, result, Header, elapsed);
        return writer.ToString();
    }
}
