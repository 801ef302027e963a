using Xunit;

namespace Yalu.Sync.Tests;

public sealed class BundleBodyTests
{
    private static readonly List<SignedEvent> Chain = TestNodes.Chain(TestNodes.Hyesan, 10);

    private static byte[] HandWritten(params (byte Form, byte[] Bytes)[] events)
    {
        var w = new CanonicalWriter();
        w.WriteByte(BundleBody.FormatVersion);
        w.WriteNodeId(TestNodes.Hyesan.NodeId);
        w.WriteNodeId(TestNodes.Changbai.NodeId);
        w.WriteTimestamp(DateTimeOffset.UnixEpoch);
        w.WriteVarUInt((ulong)events.Length);
        foreach (var (form, bytes) in events)
        {
            w.WriteByte(form);
            w.WriteBytes(bytes);
        }
        w.WriteVarUInt(0);
        return w.ToArray();
    }

    private static byte[] WithoutPrevHash(SignedEvent e) =>
        [.. e.Encode().AsSpan(0, SignedEvent.PrevHashOffset), .. e.Encode().AsSpan(SignedEvent.PrevHashOffset + SignedEvent.HashSize)];

    [Fact]
    public void Consecutive_events_are_written_without_their_previous_hash()
    {
        var body = new BundleBody(TestNodes.Hyesan.NodeId, TestNodes.Changbai.NodeId, DateTimeOffset.UnixEpoch, Chain, []);
        int whole = Chain.Sum(e => e.EncodedLength);
        // Header 42 bytes, each event a form byte and a length of at most 3 bytes, the ack count; minus 9 hashes.
        Assert.True(body.Encode().Length <= 42 + 10 * 4 + 1 + whole - 9 * SignedEvent.HashSize, $"{body.Encode().Length} bytes for {whole} bytes of events");
        Assert.Equal(body, BundleBody.Decode(body.Encode()).Value);
    }

    [Fact]
    public void Hand_written_linked_form_decodes_to_the_chain()
    {
        var bytes = HandWritten((0, Chain[0].Encode()), (1, WithoutPrevHash(Chain[1])));
        var decoded = BundleBody.Decode(bytes);
        Assert.True(decoded.Success, decoded.ToString());
        Assert.Equal(Chain.Take(2), decoded.Value.Events);
    }

    [Fact]
    public void Event_written_whole_where_it_could_be_linked_is_not_canonical()
    {
        var decoded = BundleBody.Decode(HandWritten((0, Chain[0].Encode()), (0, Chain[1].Encode())));
        Assert.Equal(SyncCodes.NonCanonical, decoded.Error?.Code);
        Assert.Contains("event 2", decoded.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Linked_first_event_and_linked_event_of_another_log_are_refused()
    {
        Assert.Equal(SyncCodes.BodyBytes, BundleBody.Decode(HandWritten((1, WithoutPrevHash(Chain[1])))).Error?.Code);
        var other = TestNodes.Chain(TestNodes.Changbai, 2)[1];
        Assert.Equal(SyncCodes.NonCanonical, BundleBody.Decode(HandWritten((0, Chain[0].Encode()), (1, WithoutPrevHash(other)))).Error?.Code);
        Assert.Equal(SyncCodes.NonCanonical, BundleBody.Decode(HandWritten((0, Chain[0].Encode()), (1, WithoutPrevHash(Chain[2])))).Error?.Code);
    }

    [Fact]
    public void Events_of_two_logs_interleaved_round_trip()
    {
        var other = TestNodes.Chain(TestNodes.Changbai, 3);
        SignedEvent[] mixed = [Chain[0], other[0], Chain[1], Chain[2], other[1], other[2], Chain[2]];
        var body = new BundleBody(TestNodes.Hyesan.NodeId, TestNodes.Changbai.NodeId, DateTimeOffset.UnixEpoch, mixed,
            [new Ack(TestNodes.Changbai.NodeId, 3), new Ack(TestNodes.Hyesan.NodeId, 0)]);
        var decoded = BundleBody.Decode(body.Encode());
        Assert.True(decoded.Success, decoded.ToString());
        Assert.Equal(body, decoded.Value);
        Assert.True(decoded.Value.Acks[0].Node < decoded.Value.Acks[1].Node);
    }

    [Fact]
    public void Two_acknowledgements_of_one_node_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => new BundleBody(TestNodes.Hyesan.NodeId, TestNodes.Changbai.NodeId, DateTimeOffset.UnixEpoch, [],
            [new Ack(TestNodes.Changbai.NodeId, 3), new Ack(TestNodes.Changbai.NodeId, 4)]));
    }
}
