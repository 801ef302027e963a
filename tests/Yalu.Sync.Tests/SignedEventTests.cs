using Xunit;

namespace Yalu.Sync.Tests;

public sealed class SignedEventTests
{
    [Fact]
    public void Event_round_trips_and_verifies_with_its_nodes_card()
    {
        var e = TestNodes.Chain(TestNodes.Hyesan, 1)[0];
        var decoded = SignedEvent.Decode(e.Encode());
        Assert.True(decoded.Success, decoded.ToString());
        Assert.Equal(e, decoded.Value);
        Assert.Equal(e.Hash(), decoded.Value.Hash());
        Assert.Equal(1, decoded.Value.Seq);
        Assert.Equal("lot.posted", decoded.Value.Kind);
        Assert.Equal("lot/1", decoded.Value.Subject);
        Assert.Equal(e.At, decoded.Value.At);
        Assert.True(decoded.Value.VerifySignature(TestNodes.Hyesan.Card));
        Assert.False(decoded.Value.VerifySignature(TestNodes.Changbai.Card));
    }

    [Fact]
    public void Every_single_bit_flip_in_an_event_fails_decoding_or_its_signature()
    {
        var bytes = TestNodes.Chain(TestNodes.Hyesan, 1)[0].Encode();
        for (int bit = 0; bit < bytes.Length * 8; bit++)
        {
            var copy = (byte[])bytes.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            var decoded = SignedEvent.Decode(copy);
            Assert.False(decoded.Success && decoded.Value.VerifySignature(TestNodes.Hyesan.Card), $"bit {bit} flipped still verifies");
        }
    }

    [Fact]
    public void Decode_refuses_trailing_bytes_and_truncation()
    {
        var bytes = TestNodes.Chain(TestNodes.Hyesan, 1)[0].Encode();
        var longer = SignedEvent.Decode([.. bytes, 0]);
        Assert.Equal(SyncCodes.TrailingData, longer.Error?.Code);
        for (int n = 0; n < bytes.Length; n++)
            Assert.False(SignedEvent.Decode(bytes.AsSpan(0, n)).Success, $"cut to {n} bytes");
    }

    [Fact]
    public void Create_refuses_arguments_no_event_has()
    {
        var zero = SignedEvent.ZeroHash.Span;
        var at = DateTimeOffset.UnixEpoch;
        Assert.Throws<ArgumentOutOfRangeException>(() => SignedEvent.Create(TestNodes.Hyesan, 0, SignedEvent.ZeroHash.Span, at, "k", "", []));
        Assert.Throws<ArgumentException>(() => SignedEvent.Create(TestNodes.Hyesan, 1, new byte[31], at, "k", "", []));
        Assert.Throws<ArgumentException>(() => SignedEvent.Create(TestNodes.Hyesan, 1, SignedEvent.ZeroHash.Span, at, "Lot Posted", "", []));
        Assert.Throws<ArgumentException>(() => SignedEvent.Create(TestNodes.Hyesan, 1, SignedEvent.ZeroHash.Span, at, "", "", []));
        Assert.Throws<ArgumentException>(() => SignedEvent.Create(TestNodes.Hyesan, 1, SignedEvent.ZeroHash.Span, at, "k", new string('x', 257), []));
        _ = zero.Length;
    }
}
