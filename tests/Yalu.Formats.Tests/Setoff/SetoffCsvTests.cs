using System.Text;
using Xunit;
using Yalu.Formats.Setoff;
using Yalu.Market.Setoff;

namespace Yalu.Formats.Tests.Setoff;

public sealed class SetoffCsvTests
{
    [Fact]
    public void Writes_every_obligation_with_its_setoff_and_remainder_names_as_read()
    {
        var list = ObligationListReader.ReadText("debtor,creditor,amount\nA,B,50\nB,C,30\nC,A,40\n").Value!;
        var result = new SetoffResult(list.Network, SetoffMethod.MinCostFlow, [30, 30, 30]);
        using var output = new MemoryStream();
        SetoffCsv.Write(output, list, result);
        Assert.Equal("debtor,creditor,amount,setoff,remainder\nA,B,50,30,20\nB,C,30,30,0\nC,A,40,30,10\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Ids_come_first_when_the_input_had_them()
    {
        var list = ObligationListReader.ReadText("id,debtor,creditor,amount\nx1,A,B,5\nx2,B,A,7\n").Value!;
        var result = new SetoffResult(list.Network, SetoffMethod.MinCostFlow, [5, 5]);
        using var output = new MemoryStream();
        SetoffCsv.Write(output, list, result);
        Assert.Equal("id,debtor,creditor,amount,setoff,remainder\nx1,A,B,5,5,0\nx2,B,A,7,5,2\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Writes_the_summary_as_json()
    {
        var list = ObligationListReader.ReadText("debtor,creditor,amount\nA,B,5\nB,A,7\n").Value!;
        var result = new SetoffResult(list.Network, SetoffMethod.PlainMaxFlow, [5, 5]);
        using var output = new MemoryStream();
        SetoffJson.Write(output, "d.csv", result, 0.25);
        using var json = System.Text.Json.JsonDocument.Parse(output.ToArray());
        var root = json.RootElement;
        Assert.Equal("plain-max-flow", root.GetProperty("method").GetString());
        Assert.Equal(12, root.GetProperty("totalDebt").GetInt64());
        Assert.Equal(2, root.GetProperty("netInternalDebt").GetInt64());
        Assert.Equal(10, root.GetProperty("cleared").GetInt64());
        Assert.Equal(2, root.GetProperty("remaining").GetInt64());
        Assert.Equal(2, root.GetProperty("parties").GetInt32());
    }
}
