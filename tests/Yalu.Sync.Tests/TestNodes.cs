namespace Yalu.Sync.Tests;

/// <summary>Three nodes made once per test run (key generation is cheap, but the same keys keep failures reproducible within a run).</summary>
internal static class TestNodes
{
    public static NodeIdentity Hyesan { get; } = NodeIdentity.Create("Hyesan market", NodeSides.Hyesan);

    public static NodeIdentity Changbai { get; } = NodeIdentity.Create("长白 market", NodeSides.Changbai);

    public static NodeIdentity Stranger { get; } = NodeIdentity.Create("Stranger", NodeSides.Changbai);

    /// <summary>Changbai's view of its peers: trusts Hyesan only.</summary>
    public static NodeCard? ChangbaiTrusts(NodeId id) => id == Hyesan.NodeId ? Hyesan.Card : null;

    /// <summary>A chain of <paramref name="count"/> events of <paramref name="node"/>'s log from event 1.</summary>
    public static List<SignedEvent> Chain(NodeIdentity node, int count, int payloadBytes = 40)
    {
        var events = new List<SignedEvent>(count);
        var prev = SignedEvent.ZeroHash.ToArray();
        var at = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(9));
        for (int i = 1; i <= count; i++)
        {
            var writer = new CanonicalWriter();
            writer.WriteString($"lot-{i}");
            writer.WriteInt64(i * 1000L);
            writer.WriteFixed(new byte[Math.Max(0, payloadBytes - writer.Length)]);
            var e = SignedEvent.Create(node, i, prev, at.AddSeconds(i), "lot.posted", $"lot/{i}", writer.WrittenSpan);
            events.Add(e);
            prev = e.Hash();
        }
        return events;
    }
}
