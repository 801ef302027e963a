using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>What <c>yalu log verify</c> found for one node's chain in the local log.</summary>
/// <param name="Node">Whose chain: this node's card or a peer's.</param>
/// <param name="Events">Events in the chain.</param>
/// <param name="Error">The first bad event and why, or null when the whole chain verified.</param>
public sealed record LogCheck(NodeCard Node, long Events, SyncError? Error)
{
    /// <summary>Whether the chain verified.</summary>
    public bool IsValid => Error is null;
}
