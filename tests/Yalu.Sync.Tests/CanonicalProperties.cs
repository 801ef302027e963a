using CsCheck;
using Xunit;

namespace Yalu.Sync.Tests;

/// <summary>
/// The canonical encoding's two promises, over random events and bodies: decode(encode(x)) = x, and
/// a reader accepts only the one encoding of a value (so decode succeeding on any bytes b means
/// encode(decode(b)) = b). Together they make encode injective: equal bytes, equal values.
/// </summary>
public sealed class CanonicalProperties
{
    // Small domains, so that equal values (and near-equal ones) come up often.
    private static readonly NodeIdentity[] Nodes = [TestNodes.Hyesan, TestNodes.Changbai];
    private static readonly string[] Kinds = ["lot.posted", "lot.withdrawn", "a"];
    private static readonly string[] Subjects = ["", "lot/1", "김하나", "长白"];

    private static readonly Gen<SignedEvent> GenEvent = Gen.Select(
            Gen.Int[0, 1], Gen.Long[1, 3], Gen.Byte[0, 2], Gen.Long[0, 3], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, Subjects.Length - 1], Gen.Byte[0, 2].Array[0, 3])
        .Select((node, seq, prev, ticks, kind, subject, payload) =>
            SignedEvent.Create(Nodes[node], seq, Enumerable.Repeat(prev, 32).ToArray(), new DateTimeOffset(ticks, TimeSpan.Zero), Kinds[kind], Subjects[subject], payload));

    private static readonly Gen<BundleBody> GenBody = Gen.Select(
            Gen.Int[0, 1], Gen.Long[0, 2], GenEvent.Array[0, 3], Gen.Int[0, 1].Select(Gen.Long[0, 2], (n, s) => new Ack(Nodes[n].NodeId, s)).Array[0, 2])
        .Select((from, ticks, events, acks) => new BundleBody(Nodes[from].NodeId, Nodes[1 - from].NodeId, new DateTimeOffset(ticks, TimeSpan.Zero), events,
            acks.DistinctBy(a => a.Node).ToArray()));

    [Fact]
    public void Event_decode_of_encode_is_the_event()
    {
        GenEvent.Sample(e =>
        {
            var decoded = SignedEvent.Decode(e.Encode());
            Assert.True(decoded.Success, decoded.ToString());
            Assert.Equal(e, decoded.Value);
            Assert.Equal(e.Node, decoded.Value.Node);
            Assert.Equal(e.Seq, decoded.Value.Seq);
            Assert.Equal(e.At, decoded.Value.At);
            Assert.Equal(e.Kind, decoded.Value.Kind);
            Assert.Equal(e.Subject, decoded.Value.Subject);
            Assert.Equal(e.Payload.ToArray(), decoded.Value.Payload.ToArray());
            Assert.Equal(e.PrevHash.ToArray(), decoded.Value.PrevHash.ToArray());
        }, iter: 300);
    }

    [Fact]
    public void Body_decode_of_encode_is_the_body()
    {
        GenBody.Sample(b =>
        {
            var decoded = BundleBody.Decode(b.Encode());
            Assert.True(decoded.Success, decoded.ToString());
            Assert.Equal(b, decoded.Value);
        }, iter: 300);
    }

    [Fact]
    public void Equal_encodings_mean_equal_bodies_and_different_bodies_encode_differently()
    {
        int equalPairs = 0;
        Gen.Select(GenBody, GenBody).Sample((x, y) =>
        {
            bool sameFields = x.From == y.From && x.To == y.To && x.Created == y.Created
                && x.Events.Select(e => (e.Node, e.Seq, e.At, e.Kind, e.Subject, Convert.ToHexString(e.PrevHash.Span), Convert.ToHexString(e.Payload.Span), Convert.ToHexString(e.Signature.Span)))
                    .SequenceEqual(y.Events.Select(e => (e.Node, e.Seq, e.At, e.Kind, e.Subject, Convert.ToHexString(e.PrevHash.Span), Convert.ToHexString(e.Payload.Span), Convert.ToHexString(e.Signature.Span))))
                && x.Acks.SequenceEqual(y.Acks);
            if (sameFields) Interlocked.Increment(ref equalPairs);
            Assert.Equal(sameFields, x.Encode().AsSpan().SequenceEqual(y.Encode()));
        }, iter: 3000);
        Assert.True(equalPairs > 0, "the generator never produced two equal bodies: the property tested nothing");
    }

    [Fact]
    public void Damaged_encodings_either_fail_or_are_the_canonical_encoding_of_what_they_decode_to()
    {
        Gen.Select(GenBody, Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, 3]).Sample((b, position, value, how) =>
        {
            var bytes = b.Encode().ToList();
            int at = position % (bytes.Count + 1);
            switch (how)
            {
                case 0 when at < bytes.Count: bytes[at] = value; break;
                case 1: bytes.Insert(at, value); break;
                case 2 when at < bytes.Count: bytes.RemoveAt(at); break;
                default: bytes = bytes.Take(at).ToList(); break;
            }
            var decoded = BundleBody.Decode(bytes.ToArray());
            if (decoded.Success) Assert.Equal(bytes.ToArray(), decoded.Value.Encode());
            else Assert.Matches("^SY0[0-9][0-9]$", decoded.Error.Code);
        }, iter: 5000);
    }

    [Fact]
    public void Random_bytes_never_make_a_decoder_throw()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var e = SignedEvent.Decode(bytes);
            if (e.Success) Assert.Equal(bytes, e.Value.Encode());
            var b = BundleBody.Decode(bytes);
            if (b.Success) Assert.Equal(bytes, b.Value.Encode());
            var c = NodeCard.Parse(bytes);
            if (c.Success) Assert.Equal(bytes, c.Value.ToBytes());
        }, iter: 5000);
    }

    [Fact]
    public void Writer_and_reader_agree_on_every_field_type()
    {
        Gen.Select(Gen.Long, Gen.ULong, Gen.UInt, Gen.Bool, Gen.String, Gen.Byte.Array[0, 50], Gen.DateTimeOffset).Sample((l, u, i, flag, s, bytes, at) =>
        {
            if (s.Any(char.IsSurrogate)) return; // the writer refuses lone surrogates (tested apart)
            var w = new CanonicalWriter(1);
            w.WriteInt64(l);
            w.WriteVarUInt(u);
            w.WriteUInt32(i);
            w.WriteBool(flag);
            w.WriteString(s);
            w.WriteBytes(bytes);
            w.WriteTimestamp(at);
            var r = new CanonicalReader(w.WrittenSpan);
            Assert.Equal(l, r.ReadInt64("l"));
            Assert.Equal(u, r.ReadVarUInt("u"));
            Assert.Equal(i, r.ReadUInt32("i"));
            Assert.Equal(flag, r.ReadBool("flag"));
            Assert.Equal(s, r.ReadString("s", int.MaxValue));
            Assert.Equal(bytes, r.ReadBytes("bytes", int.MaxValue).ToArray());
            Assert.Equal(at, r.ReadTimestamp("at"));
            Assert.True(r.Finish(0).Success);
        }, iter: 2000);
    }
}
