using System.Text;
using Xunit;
using Yalu.Formats.Setoff;

namespace Yalu.Formats.Tests.Setoff;

public sealed class ObligationListReaderTests
{
    private static ParseResult<ObligationList> Read(string text) => ObligationListReader.ReadText(text, "debts.csv");

    private static string Only(ParseResult<ObligationList> result)
    {
        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Errors);
        return result.Errors[0].ToString();
    }

    [Fact]
    public void Reads_the_mtcsPy_shape_numbering_parties_as_they_first_appear()
    {
        var result = Read("debtor,creditor,amount\n7,3,100\n3,9,40\n9,7,25\n");
        Assert.True(result.Success);
        var list = result.Value!;
        Assert.Equal(["7", "3", "9"], list.Parties);
        Assert.Null(list.Ids);
        Assert.Equal(3, list.Network.Count);
        Assert.Equal(new Yalu.Market.Setoff.Obligation(0, 1, 100), list.Network[0]);
        Assert.Equal(new Yalu.Market.Setoff.Obligation(1, 2, 40), list.Network[1]);
        Assert.Equal(165, list.Network.TotalDebt);
        Assert.Equal(75, list.Network.NetInternalDebt);
    }

    [Fact]
    public void Reads_the_mtcs_shape_with_ids_crlf_a_bom_blank_lines_and_spaces()
    {
        var result = Read("\uFEFFid, debtor ,creditor,amount\r\n1,10,20,100\r\n\r\n2, 20 ,30,100\r\n3,30,10,200\r\n4,40,30,100");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(["1", "2", "3", "4"], result.Value!.Ids);
        Assert.Equal(["10", "20", "30", "40"], result.Value.Parties);
        Assert.Equal(500, result.Value.Network.TotalDebt);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_names_may_be_any_plain_text()
    {
        var result = Read("Amount,Creditor,Debtor\n5,우리 가게,张三\n");
        Assert.True(result.Success);
        Assert.Equal(["张三", "우리 가게"], result.Value!.Parties);
        Assert.Equal(5, result.Value.Network[0].Amount);
    }

    [Fact]
    public void Numbers_are_names_so_007_and_7_are_two_parties()
    {
        var result = Read("debtor,creditor,amount\n7,007,5\n0,7,3\n1234567890123456789,0,2\n007,1234567890123456789,1\n");
        Assert.True(result.Success);
        Assert.Equal(["7", "007", "0", "1234567890123456789"], result.Value!.Parties);
        Assert.Equal(new Yalu.Market.Setoff.Obligation(1, 3, 1), result.Value.Network[3]);
        Assert.StartsWith("debts.csv:2:5: SO007: '007' owes itself", Only(Read("debtor,creditor,amount\n007,007,5\n")), StringComparison.Ordinal);
        Assert.StartsWith("debts.csv:2:4: SO007: '12' owes itself", Only(Read("debtor,creditor,amount\n12,12,5\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_file_is_an_empty_network()
    {
        var result = Read("debtor,creditor,amount\n");
        Assert.True(result.Success);
        Assert.Equal(0, result.Value!.Network.Count);
    }

    [Theory]
    [InlineData("", "debts.csv:1: SO001: no header: the file is empty")]
    [InlineData("\n  \n", "debts.csv:2: SO001: no header")]
    [InlineData("0,1,5\n", "debts.csv:1: SO001: no header: the first line '0,1,5' names none of the columns")]
    [InlineData("debtor,creditor,value\n", "debts.csv:1:17: SO002: unknown column 'value'")]
    [InlineData("debtor,creditor\n", "debts.csv:1: SO002: the header lacks the column 'amount'")]
    [InlineData("debtor,creditor,amount,debtor\n", "debts.csv:1:24: SO002: column 'debtor' appears twice")]
    [InlineData("debtor,creditor,amount\n1,2\n", "debts.csv:2: SO003: 2 field(s), expected 3 (debtor, creditor, amount)")]
    [InlineData("debtor,creditor,amount\n1,2,3,4\n", "debts.csv:2: SO003: 4 field(s), expected 3")]
    [InlineData("id,debtor,creditor,amount\n1,2,3\n", "debts.csv:2: SO003: 3 field(s), expected 4 (id, debtor, creditor, amount)")]
    [InlineData("debtor,creditor,amount\n1,2,12.5\n", "debts.csv:2:5: SO004: amount '12.5' is not a whole number")]
    [InlineData("debtor,creditor,amount\n1,2,1e3\n", "debts.csv:2:5: SO004: amount '1e3' is not a whole number")]
    [InlineData("debtor,creditor,amount\n1,2,\n", "debts.csv:2:5: SO004: amount '' is not a whole number")]
    [InlineData("debtor,creditor,amount\n1,2,-\n", "debts.csv:2:5: SO004")]
    [InlineData("debtor,creditor,amount\n1,2,0\n", "debts.csv:2:5: SO005: amount is zero")]
    [InlineData("debtor,creditor,amount\n1,2,-000\n", "debts.csv:2:5: SO005: amount is zero")]
    [InlineData("debtor,creditor,amount\n1,2,-40\n", "debts.csv:2:5: SO005: amount '-40' is negative")]
    [InlineData("debtor,creditor,amount\n1,2,9223372036854775808\n", "debts.csv:2:5: SO006: amount '9223372036854775808' does not fit in 64 bits")]
    [InlineData("debtor,creditor,amount\n1,2,99999999999999999999\n", "debts.csv:2:5: SO006")]
    [InlineData("debtor,creditor,amount\n1,1,5\n", "debts.csv:2:3: SO007: '1' owes itself")]
    [InlineData("debtor,creditor,amount\n,1,5\n", "debts.csv:2:1: SO008: the debtor is empty")]
    [InlineData("debtor,creditor,amount\n1,\"2\",5\n", "debts.csv:2:3: SO008: the creditor '\"2\"' holds a quote or a control character")]
    [InlineData("debtor,creditor,amount\n1,2\u0001,5\n", "debts.csv:2:4: SO008")]
    [InlineData("debtor,creditor,amount\n1,2,9223372036854775807\n2,1,1\n", "debts.csv:3:5: SO009: the total debt passes 9223372036854775807")]
    [InlineData("id,debtor,creditor,amount\na,1,2,5\na,2,1,5\n", "debts.csv:3:1: SO010: id 'a' appears on an earlier line")]
    [InlineData("id,debtor,creditor,amount\n,1,2,5\n", "debts.csv:2:1: SO008: the id is empty")]
    public void Bad_input_is_an_error_naming_file_line_column_and_code(string text, string expected)
    {
        Assert.StartsWith(expected, Only(Read(text)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_an_error()
    {
        string name = new('x', ObligationListReader.MaxNameBytes + 1);
        Assert.StartsWith("debts.csv:2:1: SO008: the debtor", Only(Read($"debtor,creditor,amount\n{name},2,5\n")), StringComparison.Ordinal);
        Assert.True(Read($"debtor,creditor,amount\n{name[1..]},2,5\n").Success);
    }

    [Fact]
    public void Invalid_utf8_in_a_name_is_an_error()
    {
        var bytes = Encoding.ASCII.GetBytes("debtor,creditor,amount\nab,c").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes(",5\n")).ToArray();
        var result = ObligationListReader.Read(bytes, "debts.csv");
        Assert.StartsWith("debts.csv:2:4: SO008: the creditor", Only(result), StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_line_is_reported_and_nothing_is_returned()
    {
        var result = Read("debtor,creditor,amount\n1,2,5\n1,1,5\n3,4,-1\n5,6,x\n");
        Assert.False(result.Success);
        Assert.Equal(["SO007", "SO005", "SO004"], result.Errors.Select(e => e.Code));
        Assert.Equal([3, 4, 5], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Reading_stops_after_the_most_errors_with_a_last_one_saying_so()
    {
        var text = new StringBuilder("debtor,creditor,amount\n");
        for (int i = 0; i < 150; i++) text.Append("1,1,5\n");
        var result = Read(text.ToString());
        Assert.Equal(ObligationListReader.MaxErrors + 1, result.Errors.Count);
        Assert.Equal("SO011", result.Errors[^1].Code);
    }

    [Fact]
    public void The_largest_amount_is_read_exactly()
    {
        var result = Read("debtor,creditor,amount\n1,2,9223372036854775807\n");
        Assert.True(result.Success);
        Assert.Equal(long.MaxValue, result.Value!.Network.TotalDebt);
    }
}
