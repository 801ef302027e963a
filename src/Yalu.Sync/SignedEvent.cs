using System.Security.Cryptography;
using System.Text;

namespace Yalu.Sync;

/// <summary>
/// One change in a node's log, signed by the node: its sequence number (1, 2, …), the hash of the
/// event before it (zeros for the first), when it happened, what kind of change (<c>lot.posted</c>),
/// what it is about (a record key), the change itself as canonical bytes, and the Ed25519 signature
/// over a label and all of that. <see cref="Encode"/> gives its one canonical encoding;
/// <see cref="Hash"/> is SHA-256 over that encoding, signature included, and is the next event's
/// <see cref="PrevHash"/>. Immutable and thread-safe. Layout: docs/sync.md.
/// </summary>
public sealed class SignedEvent : IEquatable<SignedEvent>
{
    /// <summary>The event format this build writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The size of a hash (SHA-256) in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>The size of a signature (Ed25519) in bytes.</summary>
    public const int SignatureSize = 64;

    /// <summary>The longest kind, in bytes (ASCII: a–z, 0–9, '.', '-', '_').</summary>
    public const int MaxKindBytes = 64;

    /// <summary>The longest subject, in UTF-8 bytes.</summary>
    public const int MaxSubjectBytes = 256;

    /// <summary>The longest payload, in bytes (1 MiB).</summary>
    public const int MaxPayloadBytes = 1 << 20;

    /// <summary>Where the previous hash starts in an event's encoding (after version, node id and seq).</summary>
    internal const int PrevHashOffset = 1 + NodeId.Size + 8;

    /// <summary>The fewest bytes an encoded event can have (empty kind is refused, so one more in practice).</summary>
    internal const int MinEncodedBytes = 1 + NodeId.Size + 8 + HashSize + 8 + 1 + 1 + 1 + SignatureSize;

    private static readonly byte[] ZeroHashBytes = new byte[HashSize];
    private readonly byte[] _encoded;
    private byte[]? _hash;

    private SignedEvent(byte[] encoded, NodeId node, long seq, ReadOnlyMemory<byte> prevHash, DateTimeOffset at, string kind, string subject,
        ReadOnlyMemory<byte> payload, ReadOnlyMemory<byte> signature)
    {
        _encoded = encoded;
        Node = node;
        Seq = seq;
        PrevHash = prevHash;
        At = at;
        Kind = kind;
        Subject = subject;
        Payload = payload;
        Signature = signature;
    }

    /// <summary>The 32 zero bytes the first event of every log names as its previous hash.</summary>
    public static ReadOnlyMemory<byte> ZeroHash => ZeroHashBytes;

    /// <summary>The node whose log this event is in, and which signed it.</summary>
    public NodeId Node { get; }

    /// <summary>The event's place in its node's log, from 1.</summary>
    public long Seq { get; }

    /// <summary>The <see cref="Hash"/> of event <see cref="Seq"/> − 1 (32 bytes; zeros for event 1).</summary>
    public ReadOnlyMemory<byte> PrevHash { get; }

    /// <summary>When the node recorded the change (kept to 100 ns, in UTC).</summary>
    public DateTimeOffset At { get; }

    /// <summary>What kind of change, e.g. <c>lot.posted</c>.</summary>
    public string Kind { get; }

    /// <summary>What the change is about, e.g. a record's key; may be empty.</summary>
    public string Subject { get; }

    /// <summary>The change itself, canonical bytes (<see cref="CanonicalWriter"/>) the node defines per kind.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The node's Ed25519 signature (64 bytes) over "yalu event v1" and the encoding before it.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>
    /// Signs a new event of <paramref name="identity"/>'s log. Throws for arguments no valid event has
    /// (sequence below 1, a hash not 32 bytes, a kind or subject or payload over its limit): these are
    /// the caller's bugs, not outside input.
    /// </summary>
    public static SignedEvent Create(NodeIdentity identity, long seq, ReadOnlySpan<byte> prevHash, DateTimeOffset at, string kind, string subject,
        ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfLessThan(seq, 1);
        if (prevHash.Length != HashSize) throw new ArgumentException($"a previous hash is {HashSize} bytes, not {prevHash.Length}", nameof(prevHash));
        if (CheckKind(kind) is { } kindError) throw new ArgumentException(kindError, nameof(kind));
        ArgumentNullException.ThrowIfNull(subject);
        if (Encoding.UTF8.GetByteCount(subject) > MaxSubjectBytes) throw new ArgumentException($"a subject is at most {MaxSubjectBytes} UTF-8 bytes", nameof(subject));
        if (payload.Length > MaxPayloadBytes) throw new ArgumentException($"a payload is at most {MaxPayloadBytes} bytes", nameof(payload));

        var writer = new CanonicalWriter(MinEncodedBytes + kind.Length + subject.Length * 3 + payload.Length + 16);
        writer.WriteFixed(SyncLabels.EventSignature);
        int start = writer.Length;
        writer.WriteByte(FormatVersion);
        writer.WriteNodeId(identity.NodeId);
        writer.WriteInt64(seq);
        writer.WriteFixed(prevHash);
        writer.WriteTimestamp(at);
        writer.WriteString(kind);
        writer.WriteString(subject);
        writer.WriteBytes(payload);
        int signatureAt = writer.Length;
        writer.WriteFixed(identity.Sign(writer.WrittenSpan));
        var encoded = writer.WrittenSpan[start..].ToArray();
        return FromEncoding(encoded, signatureAt - start).Value;
    }

    /// <summary>Why <paramref name="kind"/> cannot be an event's kind, or null when it can.</summary>
    public static string? CheckKind(string? kind)
    {
        if (string.IsNullOrEmpty(kind)) return "an event's kind must not be empty";
        if (kind.Length > MaxKindBytes) return $"an event's kind is at most {MaxKindBytes} characters";
        foreach (char c in kind)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
                return $"an event's kind has only a-z, 0-9, '.', '-' and '_', not '{c}'";
        }
        return null;
    }

    /// <summary>The event's one canonical encoding (a copy).</summary>
    public byte[] Encode() => (byte[])_encoded.Clone();

    /// <summary>The encoding without copying; never written to.</summary>
    internal ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>The encoded size in bytes.</summary>
    public int EncodedLength => _encoded.Length;

    /// <summary>SHA-256 over <see cref="Encode"/>, signature included (32 bytes, a copy): the next event's <see cref="PrevHash"/>.</summary>
    public byte[] Hash() => (byte[])HashBytes.Clone();

    internal byte[] HashBytes => _hash ??= SHA256.HashData(_encoded);

    /// <summary>True when <paramref name="card"/> is this event's node and its signature verifies.</summary>
    public bool VerifySignature(NodeCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.NodeId != Node) return false;
        int signedLength = SyncLabels.EventSignature.Length + _encoded.Length - SignatureSize;
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(signedLength);
        try
        {
            SyncLabels.EventSignature.CopyTo(rented);
            _encoded.AsSpan(0, _encoded.Length - SignatureSize).CopyTo(rented.AsSpan(SyncLabels.EventSignature.Length));
            return card.Verify(rented.AsSpan(0, signedLength), Signature.Span);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Reads an event's encoding; refuses every malformed or non-canonical one (code SY040 and the
    /// SY03x codes). Does not check the signature: that needs the node's card (<see cref="VerifySignature"/>,
    /// <see cref="EventChain.Verify"/>). Never throws for bad input.
    /// </summary>
    public static SyncResult<SignedEvent> Decode(ReadOnlySpan<byte> data) => FromEncoding(data.ToArray(), -1);

    private static SyncResult<SignedEvent> FromEncoding(byte[] data, int expectedSignatureAt)
    {
        var reader = new CanonicalReader(data, "event", SyncCodes.EventBytes);
        byte version = reader.ReadByte("version");
        if (reader.Error is null && version != FormatVersion)
            return SyncResult.Fail<SignedEvent>(SyncCodes.EventBytes, $"event, byte 0: version {version} is not supported (this build reads version {FormatVersion})");
        var node = reader.ReadNodeId("node");
        long seq = reader.ReadInt64("seq", 1, long.MaxValue);
        int prevAt = reader.Position;
        reader.ReadFixed(HashSize, "previous hash");
        var at = reader.ReadTimestamp("at");
        string kind = reader.ReadString("kind", MaxKindBytes);
        if (reader.Error is null && CheckKind(kind) is { } kindError) reader.Fail(SyncCodes.EventBytes, "kind", kindError);
        string subject = reader.ReadString("subject", MaxSubjectBytes);
        int payloadLength = reader.ReadLength("payload", MaxPayloadBytes);
        int payloadAt = reader.Position;
        reader.ReadFixed(payloadLength, "payload");
        int signatureAt = reader.Position;
        reader.ReadFixed(SignatureSize, "signature");
        var result = reader.Finish(0);
        if (!result.Success) return result.Cast<SignedEvent>();
        if (expectedSignatureAt >= 0 && expectedSignatureAt != signatureAt)
            throw new InvalidOperationException("an event this library wrote does not read back");
        return SyncResult.Ok(new SignedEvent(data, node, seq, data.AsMemory(prevAt, HashSize), at, kind, subject,
            data.AsMemory(payloadAt, payloadLength), data.AsMemory(signatureAt, SignatureSize)));
    }

    /// <summary>Events are equal when their encodings are.</summary>
    public bool Equals(SignedEvent? other) => other is not null && _encoded.AsSpan().SequenceEqual(other._encoded);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SignedEvent);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Node, Seq, BitConverter.ToInt32(HashBytes));

    /// <summary>"node#seq kind subject".</summary>
    public override string ToString() => $"{Node}#{Seq} {Kind} {Subject}";
}
