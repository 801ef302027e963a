using CsCheck;
using Xunit;

namespace Yalu.Sync.Tests;

public sealed class NodeCardProperties
{
    [Fact]
    public void Any_allowed_name_round_trips_through_text_and_bytes()
    {
        var names = Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 1, 30].Where(n => NodeCard.CheckName(n) is null);
        Gen.Select(names, Gen.Bool).Sample((name, hyesan) =>
        {
            using var node = NodeIdentity.Create(name, hyesan ? NodeSides.Hyesan : NodeSides.Changbai);
            var fromText = NodeCard.Parse(node.Card.ToText());
            Assert.True(fromText.Success, fromText.ToString());
            Assert.Equal(node.Card, fromText.Value);
            Assert.Equal(name, fromText.Value.Name);
            Assert.Equal(node.Card, NodeCard.Parse(node.Card.ToBytes()).Value);
        }, iter: 200);
    }

    [Fact]
    public void Changing_any_character_of_a_card_text_is_refused_or_changes_nothing()
    {
        string text = TestNodes.Changbai.Card.ToText();
        Gen.Select(Gen.Int[0, text.Length - 1], Gen.Char['!', '~']).Sample((at, c) =>
        {
            string changed = string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1));
            var parsed = NodeCard.Parse(changed);
            if (parsed.Success) Assert.Equal(TestNodes.Changbai.Card, parsed.Value); // e.g. base64 padding bits, a changed blank
            else Assert.Matches("^SY0[0-9][0-9]$", parsed.Error.Code);
        }, iter: 3000);
    }

    [Fact]
    public void Every_bit_flip_of_a_binary_card_is_refused()
    {
        var bytes = TestNodes.Hyesan.Card.ToBytes();
        for (int bit = 0; bit < bytes.Length * 8; bit++)
        {
            var copy = (byte[])bytes.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            var parsed = NodeCard.Parse(copy);
            Assert.False(parsed.Success, $"bit {bit}");
        }
    }
}
