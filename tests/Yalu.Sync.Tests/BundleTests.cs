using Xunit;

namespace Yalu.Sync.Tests;

public sealed class BundleTests
{
    private static BundleBody Body(int events, int payloadBytes = 40) => new(
        TestNodes.Hyesan.NodeId, TestNodes.Changbai.NodeId, new DateTimeOffset(2026, 12, 6, 18, 0, 0, TimeSpan.Zero),
        TestNodes.Chain(TestNodes.Hyesan, events, payloadBytes),
        [new Ack(TestNodes.Changbai.NodeId, 17)]);

    [Fact]
    public void Sealed_body_opens_for_its_recipient_with_the_senders_card()
    {
        var body = Body(20);
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, body);
        var opened = Bundle.OpenBody(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);
        Assert.True(opened.Success, opened.ToString());
        Assert.Equal(TestNodes.Hyesan.Card, opened.Value.Sender);
        Assert.Equal(body, opened.Value.Body);
        Assert.Equal(body.Encode(), opened.Value.BodyBytes);
    }

    [Fact]
    public void Bundle_shows_no_node_id_or_key_in_the_clear()
    {
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, Body(5));
        foreach (var secretish in new[]
        {
            TestNodes.Hyesan.NodeId.ToBytes(), TestNodes.Changbai.NodeId.ToBytes(),
            TestNodes.Hyesan.Card.SigningKey.ToArray(), TestNodes.Changbai.Card.AgreementKey.ToArray(),
            "lot.posted"u8.ToArray(),
        })
        {
            Assert.True(bundle.AsSpan().IndexOf(secretish.AsSpan(0, 8)) < 0);
        }
    }

    [Fact]
    public void Sealing_twice_gives_different_bytes()
    {
        var body = Body(3);
        Assert.NotEqual(Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, body), Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, body));
    }

    [Fact]
    public void Bundle_for_B_does_not_open_at_C()
    {
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, Body(3));
        var opened = Bundle.Open(TestNodes.Stranger, id => id == TestNodes.Hyesan.NodeId ? TestNodes.Hyesan.Card : null, bundle);
        Assert.False(opened.Success);
        Assert.Equal(SyncCodes.WrongRecipient, opened.Error.Code);
    }

    [Fact]
    public void Bundle_from_an_untrusted_sender_is_refused_as_unknown_sender()
    {
        var body = new BundleBody(TestNodes.Stranger.NodeId, TestNodes.Changbai.NodeId, DateTimeOffset.UnixEpoch, [], []);
        var bundle = Bundle.Seal(TestNodes.Stranger, TestNodes.Changbai.Card, body);
        var opened = Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);
        Assert.False(opened.Success);
        Assert.Equal(SyncCodes.UnknownSender, opened.Error.Code);
        Assert.Contains(TestNodes.Stranger.NodeId.ToString(), opened.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_that_answers_with_another_nodes_card_is_unknown_sender()
    {
        // A lookup that returns some card for every id must not make a stranger's card stand for the sender.
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, Body(2));
        var opened = Bundle.Open(TestNodes.Changbai, _ => TestNodes.Stranger.Card, bundle);
        Assert.False(opened.Success);
        Assert.Equal(SyncCodes.UnknownSender, opened.Error.Code);
    }

    [Fact]
    public void Replayed_bundle_opens_again_replay_is_the_nodes_to_ignore()
    {
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, Body(4));
        var first = Bundle.OpenBody(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);
        var second = Bundle.OpenBody(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);
        Assert.True(first.Success && second.Success);
        Assert.Equal(first.Value.Body, second.Value.Body);
    }

    [Fact]
    public void Truncation_at_a_chunk_boundary_and_inside_a_chunk_is_truncated()
    {
        var body = new byte[5000];
        new Random(3).NextBytes(body); // random: Brotli must not shrink it below two chunks
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, body, chunkSize: 1024);
        foreach (int length in new[] { Bundle.HeaderSize + 1024 + 16, Bundle.HeaderSize + 1500, bundle.Length - 1 })
        {
            var opened = Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle.AsSpan(0, length));
            Assert.Equal(SyncCodes.Truncated, opened.Error?.Code);
        }
        Assert.Equal(SyncCodes.NotABundle, Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle.AsSpan(0, 40)).Error?.Code);
    }

    [Fact]
    public void Swapped_chunks_are_reported_as_reordered()
    {
        var body = new byte[5000];
        new Random(7).NextBytes(body);
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, body, chunkSize: 1024);
        int chunk = 1024 + 16;
        var swapped = (byte[])bundle.Clone();
        bundle.AsSpan(Bundle.HeaderSize, chunk).CopyTo(swapped.AsSpan(Bundle.HeaderSize + chunk));
        bundle.AsSpan(Bundle.HeaderSize + chunk, chunk).CopyTo(swapped.AsSpan(Bundle.HeaderSize));
        var opened = Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, swapped);
        Assert.False(opened.Success);
        Assert.Equal(SyncCodes.ChunksReordered, opened.Error.Code);
    }

    [Fact]
    public void Appended_bytes_are_refused()
    {
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, Body(2));
        var opened = Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, [.. bundle, 0, 1, 2]);
        Assert.Equal(SyncCodes.TrailingBytes, opened.Error?.Code);
    }

    [Fact]
    public void Seal_refuses_a_body_not_from_sender_to_recipient()
    {
        var body = Body(1);
        Assert.Throws<ArgumentException>(() => Bundle.Seal(TestNodes.Changbai, TestNodes.Hyesan.Card, body));
    }

    [Fact]
    public void Empty_body_seals_and_opens()
    {
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, ReadOnlySpan<byte>.Empty);
        var opened = Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);
        Assert.True(opened.Success, opened.ToString());
        Assert.Empty(opened.Value.Body);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // low order: shared secret 0
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")] // low order
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // p - 1
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")] // top bit set, above p
    public void Weak_or_odd_ephemeral_keys_are_refused_as_not_for_this_node(string ephemeralHex)
    {
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, Body(1));
        Convert.FromHexString(ephemeralHex).CopyTo(bundle, 0);
        var opened = Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);
        Assert.Equal(SyncCodes.WrongRecipient, opened.Error?.Code);
    }

    [Fact]
    public void Ephemeral_keys_top_bit_is_random_so_it_does_not_mark_the_file()
    {
        var tops = Enumerable.Range(0, 64).Select(_ => Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, ReadOnlySpan<byte>.Empty)[31] >> 7).ToHashSet();
        Assert.Equal([0, 1], tops.Order());
    }
}
