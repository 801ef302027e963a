namespace Yalu.Sync;

/// <summary>
/// What one node sends another in a bundle, before sealing: who from and to, when it was made, the
/// events the recipient has not acknowledged (in the order to apply them), and the sender's
/// acknowledgements (for each log, the last event it has applied). Acknowledgements are kept sorted
/// by node id, one per node, so equal bodies encode alike. Immutable. Layout: docs/sync.md.
/// </summary>
public sealed class BundleBody : IEquatable<BundleBody>
{
    /// <summary>The body format this build writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The most events one body holds.</summary>
    public const int MaxEvents = 10_000_000;

    /// <summary>The most acknowledgements one body holds.</summary>
    public const int MaxAcks = 100_000;

    private const int AckBytes = NodeId.Size + 8;
    private const byte Whole = 0;
    private const byte Linked = 1;

    /// <summary>A body; throws when two acknowledgements name one node or a sequence is negative (the caller's bug).</summary>
    public BundleBody(NodeId from, NodeId to, DateTimeOffset created, IReadOnlyList<SignedEvent> events, IReadOnlyList<Ack> acks)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(acks);
        if (events.Any(e => e is null)) throw new ArgumentException("an event is null", nameof(events));
        var sorted = acks.OrderBy(a => a.Node).ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Seq < 0) throw new ArgumentException($"acknowledgement of {sorted[i].Node} has a negative sequence", nameof(acks));
            if (i > 0 && sorted[i].Node == sorted[i - 1].Node) throw new ArgumentException($"two acknowledgements of {sorted[i].Node}", nameof(acks));
        }
        From = from;
        To = to;
        Created = created;
        Events = events.ToArray();
        Acks = sorted;
    }

    /// <summary>The sending node.</summary>
    public NodeId From { get; }

    /// <summary>The receiving node.</summary>
    public NodeId To { get; }

    /// <summary>When the sender made the bundle (its clock).</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The events, in the order the recipient applies them.</summary>
    public IReadOnlyList<SignedEvent> Events { get; }

    /// <summary>The sender's acknowledgements, sorted by node id.</summary>
    public IReadOnlyList<Ack> Acks { get; }

    /// <summary>The body's one canonical encoding.</summary>
    public byte[] Encode()
    {
        long size = 1 + 2 * NodeId.Size + 8 + 5 + 5 + (long)Acks.Count * AckBytes;
        foreach (var e in Events) size += 6 + e.EncodedLength;
        var writer = new CanonicalWriter((int)Math.Min(size, Array.MaxLength));
        writer.WriteByte(FormatVersion);
        writer.WriteNodeId(From);
        writer.WriteNodeId(To);
        writer.WriteTimestamp(Created);
        writer.WriteVarUInt((ulong)Events.Count);
        for (int i = 0; i < Events.Count; i++)
        {
            var e = Events[i];
            if (i > 0 && Follows(e, Events[i - 1]))
            {
                // Linked: the previous hash is the previous event's hash, which the reader computes.
                writer.WriteByte(Linked);
                writer.WriteVarUInt((ulong)(e.EncodedLength - SignedEvent.HashSize));
                writer.WriteFixed(e.Encoded[..SignedEvent.PrevHashOffset]);
                writer.WriteFixed(e.Encoded[(SignedEvent.PrevHashOffset + SignedEvent.HashSize)..]);
            }
            else
            {
                writer.WriteByte(Whole);
                writer.WriteBytes(e.Encoded);
            }
        }
        writer.WriteVarUInt((ulong)Acks.Count);
        foreach (var a in Acks)
        {
            writer.WriteNodeId(a.Node);
            writer.WriteInt64(a.Seq);
        }
        return writer.ToArray();
    }

    /// <summary>
    /// Reads a body's encoding; refuses malformed and non-canonical ones (code SY050 and the SY03x and
    /// SY040 codes, naming the event's position). Checks no signature: that is <see cref="EventChain"/>'s.
    /// Never throws for bad input.
    /// </summary>
    public static SyncResult<BundleBody> Decode(ReadOnlySpan<byte> data)
    {
        var reader = new CanonicalReader(data, "bundle body", SyncCodes.BodyBytes);
        byte version = reader.ReadByte("version");
        if (reader.Error is null && version != FormatVersion)
            return SyncResult.Fail<BundleBody>(SyncCodes.BodyBytes, $"bundle body, byte 0: version {version} is not supported (this build reads version {FormatVersion})");
        var from = reader.ReadNodeId("from");
        var to = reader.ReadNodeId("to");
        var created = reader.ReadTimestamp("created");
        int eventCount = reader.ReadCount("event count", SignedEvent.MinEncodedBytes + 2 - SignedEvent.HashSize, MaxEvents);
        var events = new SignedEvent[eventCount];
        byte[] linked = [];
        for (int i = 0; i < eventCount && reader.Error is null; i++)
        {
            int at = reader.Position;
            byte form = reader.ReadByte($"event {i + 1} form");
            if (reader.Error is null && (form > Linked || (form == Linked && i == 0)))
                reader.Fail(SyncCodes.BodyBytes, $"event {i + 1} form", form == Linked ? "the first event cannot be linked to one before it" : $"unknown form {form}");
            var bytes = reader.ReadBytes($"event {i + 1}", SignedEvent.MaxPayloadBytes + 1024);
            if (reader.Error is not null) break;
            if (form == Linked)
            {
                if (bytes.Length < SignedEvent.PrevHashOffset)
                    return SyncResult.Fail<BundleBody>(SyncCodes.BodyBytes, $"bundle body, event {i + 1} at byte {at}: {bytes.Length} bytes is too short for an event");
                int length = bytes.Length + SignedEvent.HashSize;
                if (linked.Length < length) linked = new byte[Math.Max(length, 2 * linked.Length)];
                bytes[..SignedEvent.PrevHashOffset].CopyTo(linked);
                events[i - 1].HashBytes.CopyTo(linked.AsSpan(SignedEvent.PrevHashOffset));
                bytes[SignedEvent.PrevHashOffset..].CopyTo(linked.AsSpan(SignedEvent.PrevHashOffset + SignedEvent.HashSize));
                bytes = linked.AsSpan(0, length);
            }
            var e = SignedEvent.Decode(bytes);
            if (!e.Success)
                return SyncResult.Fail<BundleBody>(e.Error.Code, $"bundle body, event {i + 1} at byte {at}: {e.Error.Message}");
            if (form == Linked ? !Follows(e.Value, events[i - 1]) : i > 0 && Follows(e.Value, events[i - 1]))
                return SyncResult.Fail<BundleBody>(SyncCodes.NonCanonical, form == Linked
                    ? $"bundle body, event {i + 1} at byte {at}: linked, but it does not follow event {i} of the same node"
                    : $"bundle body, event {i + 1} at byte {at}: written whole though it follows the event before (the canonical form links it)");
            events[i] = e.Value;
        }
        int ackCount = reader.ReadCount("acknowledgement count", AckBytes, MaxAcks);
        var acks = new Ack[ackCount];
        for (int i = 0; i < ackCount && reader.Error is null; i++)
        {
            int at = reader.Position;
            var node = reader.ReadNodeId("acknowledged node");
            long seq = reader.ReadInt64("acknowledged sequence", 0, long.MaxValue);
            if (reader.Error is null && i > 0 && node <= acks[i - 1].Node)
                return SyncResult.Fail<BundleBody>(SyncCodes.NonCanonical, $"bundle body, byte {at}: acknowledgements must be sorted by node, one per node");
            acks[i] = new Ack(node, seq);
        }
        var result = reader.Finish(0);
        if (!result.Success) return result.Cast<BundleBody>();
        return SyncResult.Ok(new BundleBody(from, to, created, events, acks));
    }

    /// <summary>
    /// Whether <paramref name="e"/> is the next event of <paramref name="before"/>'s log: same node,
    /// next sequence number, its previous hash the hash of <paramref name="before"/>. Such an event is
    /// written linked, without its previous hash (32 incompressible bytes, about a fifth of an event).
    /// </summary>
    private static bool Follows(SignedEvent e, SignedEvent before) =>
        e.Node == before.Node && e.Seq == before.Seq + 1 && e.PrevHash.Span.SequenceEqual(before.HashBytes);

    /// <summary>Bodies are equal when their fields are (events by their encodings).</summary>
    public bool Equals(BundleBody? other) =>
        other is not null && From == other.From && To == other.To && Created == other.Created
        && Events.SequenceEqual(other.Events) && Acks.SequenceEqual(other.Acks);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BundleBody);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(From, To, Created, Events.Count, Acks.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{From} → {To}: {Events.Count} events, {Acks.Count} acknowledgements";
}
