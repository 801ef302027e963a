using System.Text;
using Xunit;
using Yalu.Formats.TradeMaximizer;
using static Yalu.Formats.Tests.TradeMaximizer.WantLists;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>The bytes of a want-list file: encodings, line ends, a BOM and a trailing Ctrl-Z.</summary>
public sealed class TextDecodingTests
{
    private static WantListDocument ReadBytes(byte[] bytes)
    {
        var result = TradeMaximizerReader.Read(bytes, "bytes.txt");
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        return result.Value!;
    }

    [Fact]
    public void Latin1_bytes_read_as_their_characters()
    {
        // 0xE4 is 'ä' in Latin-1 and not valid UTF-8 on its own.
        var doc = ReadBytes(Encoding.Latin1.GetBytes("(j\u00e4rvi) k\u00e4se : brot\n(bob) brot : K\u00c4SE\n"));

        Assert.Equal(0xE4, Encoding.Latin1.GetBytes("\u00e4")[0]);
        Assert.Equal(["K\u00c4SE", "BROT"], Names(doc.Graph));
        Assert.Equal("k\u00e4se", doc.Graph.ItemLabel(0));
        Assert.Equal("J\u00c4RVI", OwnerOf(doc.Graph, "K\u00c4SE"));
        Assert.Equal(["K\u00c4SE"], WantsOf(doc.Graph, "BROT"));
    }

    [Fact]
    public void Utf8_bytes_read_as_utf8()
    {
        var doc = ReadBytes(Encoding.UTF8.GetBytes("(j\u00e4rvi) k\u00e4se : \u0436\u0443\u043a\n(bob) \u0436\u0443\u043a : K\u00c4SE\n"));

        Assert.Equal(["K\u00c4SE", "\u0416\u0423\u041a"], Names(doc.Graph));
        Assert.Equal("\u0436\u0443\u043a", doc.Graph.ItemLabel(1));
        Assert.Empty(doc.Problems);
    }

    [Fact]
    public void Latin1_line_and_utf8_line_of_one_file_name_the_same_item()
    {
        byte[] bytes = [.. Encoding.Latin1.GetBytes("(ann) k\u00e4se : brot\n"), .. Encoding.UTF8.GetBytes("(bob) brot : k\u00e4se\n")];

        var doc = ReadBytes(bytes);

        Assert.Empty(doc.Problems);
        Assert.Equal(["K\u00c4SE"], WantsOf(doc.Graph, "BROT"));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Any_line_end_separates_lines_and_counts_them(string end)
    {
        string text = string.Join(end, "# comment", "a : b", "", "b : a # c", "");

        var error = Assert.Single(TradeMaximizerReader.Read(Encoding.ASCII.GetBytes(text), "x").Errors);
        var doc = ReadBytes(Encoding.ASCII.GetBytes(string.Join(end, "a : b c", "b : a", "c : a", "")));

        Assert.Equal((4, 7), (error.Line, error.Column));
        Assert.Equal(["B", "C"], WantsOf(doc.Graph, "A"));
    }

    [Fact]
    public void Trailing_ctrl_z_is_ignored()
    {
        var onItsOwnLine = ReadBytes([.. Encoding.ASCII.GetBytes("a : b\r\nb : a\r\n"), 0x1A]);
        var atTheEndOfALine = ReadBytes([.. Encoding.ASCII.GetBytes("a : b\nb : a"), 0x1A]);

        Assert.Equal(["A", "B"], Names(onItsOwnLine.Graph));
        Assert.Equal(["A"], WantsOf(atTheEndOfALine.Graph, "B"));
        Assert.Empty(atTheEndOfALine.Problems);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_skipped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("#! LINEAR-PRIORITIES\nk\u00e4se : b c\nb : K\u00c4SE\nc : k\u00e4se\n")];

        var doc = ReadBytes(bytes);

        Assert.Equal(PriorityScheme.Linear, doc.Options.Priorities);
        Assert.Equal([1L, 2], CostsOf(doc.Graph, "K\u00c4SE"));
    }

    [Fact]
    public void Byte_order_mark_does_not_shift_columns()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a : b # c\n")];

        var error = Assert.Single(TradeMaximizerReader.Read(bytes, "x").Errors);

        Assert.Equal((1, 7), (error.Line, error.Column));
    }

    [Fact]
    public void Read_text_and_read_stream_and_read_file_agree()
    {
        const string text = "(ann) a : b\n(bob) b : a\n";
        string path = Path.Combine(Path.GetTempPath(), $"yalu-reader-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        try
        {
            var fromFile = TradeMaximizerReader.ReadFile(path);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var fromStream = TradeMaximizerReader.Read(stream, "stdin");
            var fromText = TradeMaximizerReader.ReadText(text);

            Assert.Equal(path, fromFile.Value!.Source);
            Assert.Equal("stdin", fromStream.Value!.Source);
            Assert.Equal("-", fromText.Value!.Source);
            Assert.Equal(Names(fromText.Value.Graph), Names(fromFile.Value.Graph));
            Assert.Equal(Names(fromText.Value.Graph), Names(fromStream.Value.Graph));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
