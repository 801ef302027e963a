using Xunit;
using Yalu.Formats.TradeMaximizer;
using static Yalu.Formats.Tests.TradeMaximizer.WantLists;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>
/// Fatal errors (what TradeMaximizer stops on): each with its code, line and column; every one in a
/// file is reported and nothing is read.
/// </summary>
public sealed class FatalErrorTests
{
    [Theory]
    [InlineData("a : b\nb : a\n#! LINEAR-PRIORITIES", "TM001", 3, 1, "Options (#!...) cannot be declared after first real want list")]
    [InlineData("!BEGIN-OFFICIAL-NAMES\na\n!END-OFFICIAL-NAMES\n #! SHOW-MISSING", "TM002", 4, 2, "Options (#!...) cannot be declared after official names")]
    [InlineData("#! LINEAR-PRIORITIES FROBNICATE", "TM003", 1, 22, "Unknown option \"FROBNICATE\"")]
    [InlineData("#! BIG-STEP=nine", "TM004", 1, 4, "BIG-STEP argument must be a non-negative integer")]
    [InlineData("#! BIG-STEP=3 SCALED-PRIORITIES", "TM005", 1, 15, "Do not set BIG-STEP when using SCALED-PRIORITIES")]
    [InlineData("a : b # c", "TM006", 1, 7, "Comments (#...) cannot be used after beginning of line")]
    [InlineData("!BEGIN-OFFICIAL-NAMES\nab#c : x\n!END-OFFICIAL-NAMES", "TM007", 2, 3, "# symbol cannot be used in an item name")]
    [InlineData("!BEGIN-OFFICIAL-NAMES\na\n!END-OFFICIAL-NAMES\n!BEGIN-OFFICIAL-NAMES", "TM008", 4, 1, "Cannot begin official names more than once")]
    [InlineData("a : b\n!begin-official-names", "TM009", 2, 1, "Official names cannot be declared after first real want list")]
    [InlineData("a : b\n!END-OFFICIAL-NAMES", "TM010", 2, 1, "!END-OFFICIAL-NAMES without matching !BEGIN-OFFICIAL-NAMES")]
    [InlineData("!BEGIN-OFFICIAL-NAMES\n: a\n!END-OFFICIAL-NAMES", "TM011", 2, 1, "Line cannot begin with colon")]
    [InlineData("!BEGIN-OFFICIAL-NAMES\n%a\n!END-OFFICIAL-NAMES", "TM012", 2, 1, "Cannot give official names for dummy items")]
    [InlineData("!BEGIN-OFFICIAL-NAMES\na\nA : the same, differently cased\n!END-OFFICIAL-NAMES", "TM013", 3, 1, "Official name A already defined")]
    [InlineData("#! REQUIRE-USERNAMES\n(ann) a : b\nb : a", "TM014", 3, 1, "Missing username with REQUIRE-USERNAMES selected")]
    [InlineData("(ann) a : (b", "TM015", 1, 11, "Cannot have more than one '(' per line")]
    [InlineData("(ann a : b", "TM016", 1, 1, "Missing ')' in username")]
    [InlineData("(ann)", "TM017", 1, 5, "Username cannot appear on a line by itself")]
    [InlineData("(ann) a : b)", "TM018", 1, 12, "Cannot have more than one ')' per line")]
    [InlineData("() a : b", "TM019", 1, 1, "Cannot have empty parentheses")]
    [InlineData("a : (ann) b", "TM020", 1, 5, "Username can only be used at the front of a want list")]
    [InlineData("a : b) c", "TM021", 1, 6, "Bad ')' on a line that does not have a '('")]
    [InlineData("a ; b : c", "TM022", 1, 3, "Semicolon cannot appear before colon")]
    [InlineData("(ann) ; a b", "TM023", 1, 7, "Semicolon cannot appear before first item on line")]
    [InlineData("; a b", "TM023", 1, 1, "Semicolon cannot appear before first item on line")]
    [InlineData("a : b : c", "TM024", 1, 7, "Cannot have more than one colon on a line")]
    [InlineData("a b : c", "TM025", 1, 5, "Must have exactly one item before a colon (:)")]
    [InlineData("(ann) : c", "TM025", 1, 7, "Must have exactly one item before a colon (:)")]
    [InlineData("#! REQUIRE-COLONS\na : b\nb a", "TM026", 3, 1, "Missing colon with REQUIRE-COLONS selected")]
    public void Fatal_error_is_reported_with_its_code_line_and_column(string text, string code, int line, int column, string message)
    {
        var error = SingleError(text);

        Assert.Equal((code, line, column, message), (error.Code, error.Line, error.Column, error.Message));
        Assert.Equal("-", error.Source);
    }

    [Fact]
    public void Column_counts_from_the_start_of_the_untrimmed_line()
    {
        var error = SingleError("a : b\n \t  b : a # c");

        // four characters of white space, then the '#' at index 6 of the trimmed line
        Assert.Equal(("TM006", 2, 11), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Every_fatal_error_in_a_file_is_reported_in_line_order()
    {
        var result = TradeMaximizerReader.ReadText("""
            #! LINEAR-PRIORITIES FROBNICATE
            (ann) a : b c
            b : a # why
            (bob) c : a : b
            d : a
            (eve
            """, "lists.txt");

        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.Equal(
            [("TM003", 1, 22), ("TM006", 3, 7), ("TM024", 4, 13), ("TM016", 6, 1)],
            result.Errors.Select(e => (e.Code, e.Line, e.Column)));
        Assert.All(result.Errors, e => Assert.Equal("lists.txt", e.Source));
    }

    [Fact]
    public void Diagnostic_reads_as_file_line_column_code_message()
    {
        var result = TradeMaximizerReader.ReadText("a : b\nb : a # c\n", "lists.txt");

        Assert.Equal("lists.txt:2:7: TM006: Comments (#...) cannot be used after beginning of line", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Warnings_are_kept_when_there_are_errors()
    {
        var result = TradeMaximizerReader.ReadText("#! VERBOSE\na : b # c\n");

        Assert.Single(result.Errors);
        Assert.Equal("TM100", Assert.Single(result.Warnings).Code);
    }
}
