using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Yalu.Sync;

/// <summary>
/// A node's identity in every event and bundle: the first 16 bytes of SHA-256 over a fixed label and
/// the node's two public keys (Ed25519 signing key, then X25519 agreement key). Written as 32 lowercase
/// hex digits. Two cards with the same keys have the same id whatever their names say. The default
/// value (all zero) is the id of no node.
/// </summary>
public readonly record struct NodeId : IComparable<NodeId>
{
    /// <summary>The size of a node id in bytes.</summary>
    public const int Size = 16;

    private static readonly byte[] Label = "yalu node id v1\0"u8.ToArray();
    private readonly ulong _high;
    private readonly ulong _low;

    private NodeId(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>The id of the node with these public keys (32 bytes each).</summary>
    public static NodeId FromPublicKeys(ReadOnlySpan<byte> signingKey, ReadOnlySpan<byte> agreementKey)
    {
        if (signingKey.Length != 32 || agreementKey.Length != 32)
            throw new ArgumentException("a node's public keys are 32 bytes each");
        Span<byte> input = stackalloc byte[Label.Length + 64];
        Label.CopyTo(input);
        signingKey.CopyTo(input[Label.Length..]);
        agreementKey.CopyTo(input[(Label.Length + 32)..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return FromBytes(hash[..Size]);
    }

    /// <summary>The id whose 16 bytes are <paramref name="bytes"/>.</summary>
    public static NodeId FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"a node id is {Size} bytes, not {bytes.Length}", nameof(bytes));
        return new NodeId(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>Reads 32 hex digits (either case); errors as values.</summary>
    public static SyncResult<NodeId> Parse(string? text)
    {
        if (text is null || text.Length != Size * 2 || !text.All(Uri.IsHexDigit))
            return SyncResult.Fail<NodeId>(SyncCodes.NodeIdText, $"'{Shorten(text)}' is not a node id (32 hex digits)");
        return SyncResult.Ok(FromBytes(Convert.FromHexString(text)));
    }

    /// <summary>True for the default value, the id of no node.</summary>
    public bool IsEmpty => _high == 0 && _low == 0;

    /// <summary>Writes the 16 bytes to <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
    }

    /// <summary>The 16 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Orders as the bytes do (big-endian), the order acknowledgements are written in.</summary>
    public int CompareTo(NodeId other) => _high != other._high ? _high.CompareTo(other._high) : _low.CompareTo(other._low);

    /// <summary>32 lowercase hex digits.</summary>
    public override string ToString() => Convert.ToHexStringLower(ToBytes());

    /// <summary>Less than, by bytes.</summary>
    public static bool operator <(NodeId left, NodeId right) => left.CompareTo(right) < 0;

    /// <summary>Greater than, by bytes.</summary>
    public static bool operator >(NodeId left, NodeId right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal, by bytes.</summary>
    public static bool operator <=(NodeId left, NodeId right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal, by bytes.</summary>
    public static bool operator >=(NodeId left, NodeId right) => left.CompareTo(right) >= 0;

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
