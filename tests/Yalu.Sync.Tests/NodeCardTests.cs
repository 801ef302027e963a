using Xunit;

namespace Yalu.Sync.Tests;

public sealed class NodeCardTests
{
    [Fact]
    public void Card_text_round_trips_and_shows_name_side_and_fingerprint()
    {
        var card = TestNodes.Changbai.Card;
        string text = card.ToText();
        Assert.Contains("Name: 长白 market", text, StringComparison.Ordinal);
        Assert.Contains("Side: changbai", text, StringComparison.Ordinal);
        Assert.Contains("Fingerprint: " + card.Fingerprint, text, StringComparison.Ordinal);
        var parsed = NodeCard.Parse(text);
        Assert.True(parsed.Success, parsed.ToString());
        Assert.Equal(card, parsed.Value);
        Assert.Equal(card.NodeId, parsed.Value.NodeId);
        Assert.Equal(card.Fingerprint, parsed.Value.Fingerprint);
    }

    [Fact]
    public void Binary_card_round_trips_through_the_byte_parser()
    {
        var card = TestNodes.Hyesan.Card;
        var parsed = NodeCard.Parse(card.ToBytes());
        Assert.True(parsed.Success, parsed.ToString());
        Assert.Equal(card, parsed.Value);
        var fromText = NodeCard.Parse(System.Text.Encoding.UTF8.GetBytes(card.ToText()));
        Assert.Equal(card, fromText.Value);
    }

    [Fact]
    public void Fingerprint_is_eight_groups_of_four_digits()
    {
        var groups = TestNodes.Hyesan.Card.Fingerprint.Split(' ');
        Assert.Equal(8, groups.Length);
        Assert.All(groups, g => Assert.Matches("^[0-9]{4}$", g));
        Assert.NotEqual(TestNodes.Hyesan.Card.Fingerprint, TestNodes.Changbai.Card.Fingerprint);
    }

    [Fact]
    public void Card_whose_name_header_was_edited_is_refused_naming_the_line()
    {
        string text = TestNodes.Hyesan.Card.ToText().Replace("Name: Hyesan market", "Name: Trusted bank", StringComparison.Ordinal);
        var parsed = NodeCard.Parse(text);
        Assert.False(parsed.Success);
        Assert.Equal(SyncCodes.CardText, parsed.Error.Code);
        Assert.Contains("line 3", parsed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Card_with_a_changed_byte_fails_its_self_signature()
    {
        var bytes = TestNodes.Hyesan.Card.ToBytes();
        bytes[8] ^= 0x01; // inside the name
        var parsed = NodeCard.Parse(bytes);
        Assert.False(parsed.Success);
        Assert.Equal(SyncCodes.CardSignature, parsed.Error.Code);
    }

    [Fact]
    public void Card_text_with_a_greeting_around_it_and_quoted_lines_parses()
    {
        string quoted = string.Join('\n', TestNodes.Hyesan.Card.ToText().Split('\n').Select(l => "> " + l));
        var parsed = NodeCard.Parse("Hello, here is our card:\n\n" + quoted + "\nBest regards\n");
        Assert.True(parsed.Success, parsed.ToString());
        Assert.Equal(TestNodes.Hyesan.Card, parsed.Value);
    }

    [Theory]
    [InlineData("", SyncCodes.CardText)]
    [InlineData("hello", SyncCodes.CardText)]
    [InlineData("-----BEGIN YALU NODE CARD-----\nVersion: 1\n\nAAAA\n", SyncCodes.CardText)]
    [InlineData("-----BEGIN YALU NODE CARD-----\nVersion: 2\n\nAAAA\n-----END YALU NODE CARD-----\n", SyncCodes.CardText)]
    [InlineData("-----BEGIN YALU NODE CARD-----\nVersion: 1\n\nAA!A\n-----END YALU NODE CARD-----\n", SyncCodes.CardText)]
    [InlineData("-----BEGIN YALU NODE CARD-----\nVersion: 1\n\nWUxDRAE=\n-----END YALU NODE CARD-----\n", SyncCodes.EndOfData)]
    public void Malformed_card_text_is_refused_with_a_code(string text, string code)
    {
        var parsed = NodeCard.Parse(text);
        Assert.False(parsed.Success);
        Assert.Equal(code, parsed.Error.Code);
    }

    [Fact]
    public void Identity_refuses_a_bad_side_and_a_bad_name()
    {
        Assert.Throws<ArgumentException>(() => NodeIdentity.Create("x", "pyongyang"));
        Assert.Throws<ArgumentException>(() => NodeIdentity.Create(" x", NodeSides.Hyesan));
        Assert.Throws<ArgumentException>(() => NodeIdentity.Create("a\nb", NodeSides.Hyesan));
        Assert.Throws<ArgumentException>(() => NodeIdentity.Create(new string('x', 65), NodeSides.Hyesan));
        Assert.Throws<ArgumentException>(() => NodeIdentity.Create("a\ud800", NodeSides.Hyesan));
        Assert.Throws<ArgumentException>(() => NodeIdentity.Create("a\u2028b", NodeSides.Hyesan));
        Assert.Null(NodeCard.CheckName("혜산 시장 🐟"));
    }

    [Fact]
    public void Private_key_export_and_import_give_the_same_node()
    {
        var blob = TestNodes.Changbai.ExportPrivate();
        var imported = NodeIdentity.ImportPrivate(blob);
        Assert.True(imported.Success, imported.ToString());
        using var identity = imported.Value;
        Assert.Equal(TestNodes.Changbai.Card, identity.Card);
        var data = "signed by both"u8.ToArray();
        Assert.True(TestNodes.Changbai.Card.Verify(data, identity.Sign(data)));
    }

    [Fact]
    public void Damaged_private_key_file_is_refused_not_turned_into_another_node()
    {
        var blob = TestNodes.Changbai.ExportPrivate();
        for (int i = 0; i < blob.Length; i++)
        {
            var copy = (byte[])blob.Clone();
            copy[i] ^= 0x10;
            var imported = NodeIdentity.ImportPrivate(copy);
            Assert.False(imported.Success, $"byte {i}");
            Assert.Equal(SyncCodes.PrivateKey, imported.Error.Code);
        }
        Assert.False(NodeIdentity.ImportPrivate(blob.AsSpan(0, blob.Length - 1)).Success);
        Assert.False(NodeIdentity.ImportPrivate([]).Success);
    }

    [Fact]
    public void Identity_and_card_strings_never_show_key_bytes()
    {
        var blob = TestNodes.Hyesan.ExportPrivate();
        string shown = TestNodes.Hyesan.ToString() + TestNodes.Hyesan.Card;
        string hex = Convert.ToHexStringLower(blob.AsSpan(blob.Length - 16 - 64, 32));
        Assert.DoesNotContain(hex[..16], shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(blob.AsSpan(blob.Length - 16 - 64, 32))[..12], shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_id_is_hex_and_parses_back()
    {
        var id = TestNodes.Hyesan.NodeId;
        Assert.Matches("^[0-9a-f]{32}$", id.ToString());
        Assert.Equal(id, NodeId.Parse(id.ToString()).Value);
        Assert.Equal(id, NodeId.Parse(id.ToString().ToUpperInvariant()).Value);
        Assert.False(NodeId.Parse("xyz").Success);
        Assert.Equal(id, NodeId.FromPublicKeys(TestNodes.Hyesan.Card.SigningKey.Span, TestNodes.Hyesan.Card.AgreementKey.Span));
    }
}
