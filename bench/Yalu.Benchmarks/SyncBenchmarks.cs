using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Yalu.Sync;

namespace Yalu.Benchmarks;

/// <summary>
/// A 10,000-event market day through Yalu.Sync's bytes: encoding and decoding the bundle body, sealing
/// and opening it, and checking the chain's 10,000 signatures, against SHA-256 over the same body (the
/// least any reader of the body does) as the baseline. Events look like a node's: a kind from a handful,
/// a subject key, and a payload of about 80 canonical bytes (a title from a vocabulary, a value, a
/// handle). Run: dotnet run -c Release --project bench/Yalu.Benchmarks -- --filter '*Sync*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SyncBenchmarks
{
    private static readonly string[] Kinds = ["lot.posted", "lot.withdrawn", "want.set", "leg.confirmed", "trader.joined"];
    private static readonly string[] Words = ["rice", "battery", "phone", "cloth", "soy", "sauce", "bicycle", "radio", "boots", "coat", "medicine", "flour"];

    private NodeIdentity _a = null!;
    private NodeIdentity _b = null!;
    private BundleBody _body = null!;
    private byte[] _bodyBytes = [];
    private byte[] _bundle = [];

    /// <summary>Events in the day.</summary>
    [Params(10_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a = NodeIdentity.Create("Hyesan market", NodeSides.Hyesan);
        _b = NodeIdentity.Create("Changbai market", NodeSides.Changbai);
        var events = Day(_a, Events, seed: 11);
        _body = new BundleBody(_a.NodeId, _b.NodeId, DateTimeOffset.UnixEpoch, events, [new Ack(_b.NodeId, 4321)]);
        _bodyBytes = _body.Encode();
        _bundle = Bundle.Seal(_a, _b.Card, _body);
        Console.WriteLine($"// sync sizes: {Events} events, body {_bodyBytes.Length} bytes, bundle {_bundle.Length} bytes ({_bundle.Length / (double)Events:F1} bytes/event)");
    }

    /// <summary>A day of <paramref name="count"/> events of <paramref name="node"/>'s log.</summary>
    public static List<SignedEvent> Day(NodeIdentity node, int count, int seed)
    {
        var random = new Random(seed);
        var events = new List<SignedEvent>(count);
        var prev = SignedEvent.ZeroHash.ToArray();
        var at = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
        var writer = new CanonicalWriter(256);
        for (int i = 1; i <= count; i++)
        {
            writer.Clear();
            writer.WriteString($"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {random.Next(1, 99)}");
            writer.WriteInt64(random.Next(1, 5_000_000));
            writer.WriteString($"trader-{random.Next(1, 400):D3}@{node.Card.Side}");
            writer.WriteString(Words[random.Next(Words.Length)]);
            writer.WriteVarUInt((ulong)random.Next(1, 20));
            writer.WriteBytes(RandomNumberGenerator.GetBytes(16)); // an id: incompressible
            var e = SignedEvent.Create(node, i, prev, at.AddSeconds(i * 3), Kinds[random.Next(Kinds.Length)], $"lot/{random.Next(1, 20_000)}", writer.WrittenSpan);
            events.Add(e);
            prev = e.Hash();
        }
        return events;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _a.Dispose();
        _b.Dispose();
    }

    [Benchmark(Baseline = true)]
    public byte[] Sha256OfBody() => SHA256.HashData(_bodyBytes);

    [Benchmark]
    public byte[] EncodeBody() => _body.Encode();

    [Benchmark]
    public int DecodeBody() => BundleBody.Decode(_bodyBytes).Value.Events.Count;

    [Benchmark]
    public byte[] Seal() => Bundle.Seal(_a, _b.Card, _bodyBytes);

    [Benchmark]
    public int Open() => Bundle.Open(_b, id => id == _a.NodeId ? _a.Card : null, _bundle).Value.Body.Length;

    [Benchmark]
    public int OpenAndDecode() => Bundle.OpenBody(_b, id => id == _a.NodeId ? _a.Card : null, _bundle).Value.Body.Events.Count;

    [Benchmark]
    public int VerifyChain() => EventChain.Verify(_body.Events, _a.Card).Verified;

    [Benchmark]
    public int VerifyChainLinksOnly() => EventChain.Verify(_body.Events, _a.Card, verifySignatures: false).Verified;
}
