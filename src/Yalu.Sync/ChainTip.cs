namespace Yalu.Sync;

/// <summary>
/// Where a node's log stands: the sequence number of its last event and that event's hash. An empty
/// log is <see cref="Empty"/> (sequence 0, zero hash), so its first event is 1 with a zero previous hash.
/// </summary>
public readonly struct ChainTip : IEquatable<ChainTip>
{
    private readonly ReadOnlyMemory<byte> _hash;

    /// <summary>The tip after <paramref name="seq"/>, whose event hashes to <paramref name="hash"/> (32 bytes).</summary>
    public ChainTip(long seq, ReadOnlyMemory<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seq);
        if (hash.Length != SignedEvent.HashSize) throw new ArgumentException($"a hash is {SignedEvent.HashSize} bytes, not {hash.Length}", nameof(hash));
        Seq = seq;
        _hash = hash;
    }

    /// <summary>The tip of an empty log.</summary>
    public static ChainTip Empty => new(0, SignedEvent.ZeroHash);

    /// <summary>The tip after <paramref name="e"/>.</summary>
    public static ChainTip After(SignedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ChainTip(e.Seq, e.HashBytes);
    }

    /// <summary>The last event's sequence number (0 for an empty log).</summary>
    public long Seq { get; }

    /// <summary>The last event's hash (zeros for an empty log; zeros also for <c>default</c>).</summary>
    public ReadOnlyMemory<byte> Hash => _hash.IsEmpty ? SignedEvent.ZeroHash : _hash;

    /// <inheritdoc/>
    public bool Equals(ChainTip other) => Seq == other.Seq && Hash.Span.SequenceEqual(other.Hash.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ChainTip other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Seq, BitConverter.ToInt32(Hash.Span));

    /// <summary>Equal sequence and hash.</summary>
    public static bool operator ==(ChainTip left, ChainTip right) => left.Equals(right);

    /// <summary>Different sequence or hash.</summary>
    public static bool operator !=(ChainTip left, ChainTip right) => !left.Equals(right);

    /// <summary>"seq:hexhash".</summary>
    public override string ToString() => $"{Seq}:{Convert.ToHexStringLower(Hash.Span)}";
}
