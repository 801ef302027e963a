using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>A bundle sealed for a peer, not yet written anywhere.</summary>
/// <param name="Peer">Whom it is for.</param>
/// <param name="Bytes">The sealed bundle.</param>
/// <param name="Events">This node's events in it (every one the peer has not acknowledged).</param>
/// <param name="FirstSeq">The first of them (0 when none).</param>
/// <param name="LastSeq">The last of them (0 when none).</param>
/// <param name="AckedSeq">The newest of the peer's events it acknowledges.</param>
public sealed record ExportedBundle(NodeCard Peer, byte[] Bytes, int Events, long FirstSeq, long LastSeq, long AckedSeq);
