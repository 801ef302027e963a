using CsCheck;
using Xunit;

namespace Yalu.Sync.Tests;

/// <summary>
/// Random bundles (0–40 events of random payloads, random chunk sizes so that many have several chunks)
/// under random damage: every change is refused with an SY0xx code, never an exception, never an open.
/// </summary>
public sealed class BundleProperties
{
    private static readonly int[] ChunkSizes = [64, 100, 512, 4096, Bundle.DefaultChunkSize];

    private sealed record Sealed(byte[] Bytes, int ChunkSize, int Events)
    {
        public override string ToString() => $"{Bytes.Length} bytes, chunk {ChunkSize}, {Events} events";
    }

    private static readonly Gen<Sealed> GenBundle = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 300], Gen.Int[0, ChunkSizes.Length - 1], Gen.Bool)
        .Select((events, payload, chunk, incompressible) =>
        {
            var chain = TestNodes.Chain(TestNodes.Hyesan, events, payload);
            if (incompressible && events > 0)
            {
                // Random payloads, so that Brotli cannot shrink the body to one chunk.
                var random = new Random(events * 1000 + payload);
                var prev = SignedEvent.ZeroHash.ToArray();
                for (int i = 0; i < chain.Count; i++)
                {
                    var bytes = new byte[payload];
                    random.NextBytes(bytes);
                    chain[i] = SignedEvent.Create(TestNodes.Hyesan, i + 1, prev, DateTimeOffset.UnixEpoch.AddDays(i), "lot.posted", $"lot/{i}", bytes);
                    prev = chain[i].Hash();
                }
            }
            var body = new BundleBody(TestNodes.Hyesan.NodeId, TestNodes.Changbai.NodeId, DateTimeOffset.UnixEpoch, chain,
                [new Ack(TestNodes.Changbai.NodeId, events)]);
            return new Sealed(Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, body.Encode(), ChunkSizes[chunk]), ChunkSizes[chunk], events);
        });

    private static SyncResult<OpenedBundle> Open(ReadOnlySpan<byte> bytes) => Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bytes);

    private static void AssertRejected(SyncResult<OpenedBundle> result, params string[] codes)
    {
        Assert.False(result.Success, "a damaged bundle opened");
        Assert.Matches("^SY0[0-9][0-9]$", result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        if (codes.Length > 0) Assert.Contains(result.Error.Code, codes);
    }

    [Fact]
    public void Undamaged_random_bundles_open_to_their_body()
    {
        GenBundle.Sample(b =>
        {
            var opened = Bundle.OpenBody(TestNodes.Changbai, TestNodes.ChangbaiTrusts, b.Bytes);
            Assert.True(opened.Success, opened.ToString());
            Assert.Equal(b.Events, opened.Value.Body.Events.Count);
            Assert.True(EventChain.Verify(opened.Value.Body.Events, opened.Value.Sender).IsValid);
        }, iter: 100);
    }

    [Fact]
    public void Every_single_bit_flip_at_a_random_position_is_rejected()
    {
        Gen.Select(GenBundle, Gen.Long[0, long.MaxValue].Array[1, 8]).Sample((b, positions) =>
        {
            foreach (long p in positions)
            {
                long bit = p % ((long)b.Bytes.Length * 8);
                var copy = (byte[])b.Bytes.Clone();
                copy[bit / 8] ^= (byte)(1 << (int)(bit % 8));
                // The ephemeral key or the recipient check: "not for me"; the header or a chunk: "tampered".
                AssertRejected(Open(copy), SyncCodes.WrongRecipient, SyncCodes.Tampered);
            }
        }, iter: 200);
    }

    [Fact]
    public void Every_bit_of_a_small_bundle_flipped_in_turn_is_rejected()
    {
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card,
            new BundleBody(TestNodes.Hyesan.NodeId, TestNodes.Changbai.NodeId, DateTimeOffset.UnixEpoch, TestNodes.Chain(TestNodes.Hyesan, 2), []).Encode(), 128);
        for (int bit = 0; bit < bundle.Length * 8; bit++)
        {
            var copy = (byte[])bundle.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            AssertRejected(Open(copy), SyncCodes.WrongRecipient, SyncCodes.Tampered);
        }
    }

    [Fact]
    public void Truncation_at_a_random_length_is_rejected()
    {
        Gen.Select(GenBundle, Gen.Double[0, 1]).Sample((b, fraction) =>
        {
            int length = (int)(fraction * (b.Bytes.Length - 1));
            AssertRejected(Open(b.Bytes.AsSpan(0, length)), SyncCodes.NotABundle, SyncCodes.Truncated);
        }, iter: 300);
    }

    [Fact]
    public void Reordered_chunks_are_rejected_as_reordered()
    {
        var gen = GenBundle.Where(b => Chunks(b).Count >= 3)
            .SelectMany(b => Gen.Shuffle(Enumerable.Range(0, Chunks(b).Count - 1).ToArray()).Select(order => (b, order)))
            .Where(t => !t.order.SequenceEqual(Enumerable.Range(0, t.order.Length)));
        gen.Sample(t =>
        {
            var chunks = Chunks(t.b);
            var moved = new List<byte>(t.b.Bytes.AsSpan(0, Bundle.HeaderSize).ToArray());
            foreach (int i in t.order) moved.AddRange(chunks[i]);
            moved.AddRange(chunks[^1]);
            AssertRejected(Open(moved.ToArray()), SyncCodes.ChunksReordered);
        }, iter: 100);
    }

    [Fact]
    public void Dropped_or_repeated_chunk_is_rejected()
    {
        GenBundle.Where(b => Chunks(b).Count >= 2).Sample(b =>
        {
            var chunks = Chunks(b);
            var header = b.Bytes.AsSpan(0, Bundle.HeaderSize).ToArray();
            byte[] dropped = [.. header, .. chunks.Skip(1).SelectMany(c => c)];
            AssertRejected(Open(dropped), SyncCodes.Truncated);
            byte[] repeated = [.. b.Bytes, .. chunks[0]];
            AssertRejected(Open(repeated), SyncCodes.TrailingBytes);
        }, iter: 100);
    }

    [Fact]
    public void Bundle_for_one_node_never_opens_at_another()
    {
        GenBundle.Sample(b =>
        {
            AssertRejected(Bundle.Open(TestNodes.Stranger, _ => TestNodes.Hyesan.Card, b.Bytes), SyncCodes.WrongRecipient);
            AssertRejected(Bundle.Open(TestNodes.Hyesan, _ => TestNodes.Hyesan.Card, b.Bytes), SyncCodes.WrongRecipient);
        }, iter: 50);
    }

    [Fact]
    public void Random_bytes_are_rejected_without_an_exception()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes => AssertRejected(Open(bytes), SyncCodes.NotABundle, SyncCodes.WrongRecipient), iter: 2000);
    }

    /// <summary>The ciphertext chunks of a bundle, by its chunk size (the last may be shorter).</summary>
    private static List<byte[]> Chunks(Sealed b)
    {
        var chunks = new List<byte[]>();
        int at = Bundle.HeaderSize;
        while (at < b.Bytes.Length)
        {
            int length = Math.Min(b.ChunkSize + Bundle.TagSize, b.Bytes.Length - at);
            chunks.Add(b.Bytes.AsSpan(at, length).ToArray());
            at += length;
        }
        return chunks;
    }
}
