using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>A node whose bundles this node accepts, and where the exchange with it stands.</summary>
/// <param name="Card">Its public card (name, side, keys, fingerprint).</param>
/// <param name="TrustedAt">When the keeper trusted it.</param>
/// <param name="AckedSeq">The newest of this node's own events the peer has said it applied.</param>
/// <param name="HaveSeq">The newest of the peer's events this node holds.</param>
/// <param name="LastExportAt">When a bundle for it was last written, or null.</param>
/// <param name="LastImportAt">When a bundle from it was last applied, or null.</param>
/// <param name="RevokedAt">When the keeper revoked it (its bundles are refused since), or null.</param>
public sealed record Peer(NodeCard Card, DateTimeOffset TrustedAt, long AckedSeq, long HaveSeq, DateTimeOffset? LastExportAt, DateTimeOffset? LastImportAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether its bundles are accepted.</summary>
    public bool IsTrusted => RevokedAt is null;
}
