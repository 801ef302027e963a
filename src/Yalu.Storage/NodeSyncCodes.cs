namespace Yalu.Storage;

/// <summary>
/// The node's own codes for what goes wrong between two nodes beyond the bytes (those are
/// Yalu.Sync's SY0xx): trust, history, acknowledgements, applying a peer's events. Stable: never
/// rename one, only add.
/// </summary>
public static class NodeSyncCodes
{
    /// <summary>The peer named is not trusted (never, or revoked).</summary>
    public const string NotTrusted = "SN001";

    /// <summary>A bundle's event has a number this node already holds with a different hash: the peer's log forked (its key may be stolen).</summary>
    public const string HistoryConflict = "SN002";

    /// <summary>A bundle acknowledges events of this node that this node never wrote.</summary>
    public const string AckBeyondLog = "SN003";

    /// <summary>A peer's event could not be applied to its replica (unreadable payload, a record not the sender's, a broken reference).</summary>
    public const string ReplicaRejected = "SN004";

    /// <summary>The card to trust is this node's own.</summary>
    public const string OwnCard = "SN005";

    /// <summary>The bundle names another sender or recipient inside than it was sealed for.</summary>
    public const string WrongParties = "SN006";

    /// <summary>The bundle file could not be read or is larger than any bundle this node accepts.</summary>
    public const string Unreadable = "SN007";

    /// <summary>A chain in the local log does not verify (<c>yalu log verify</c>).</summary>
    public const string LogBroken = "SN008";
}
