using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>This node as the store knows it: its public card (name, side, id, fingerprint) and where its private keys are kept.</summary>
/// <param name="Card">The node's public card.</param>
/// <param name="KeyPlace">Where the private keys are: the key file's path (SQLite) or "the database" (PostgreSQL).</param>
/// <param name="LastSeq">The sequence number of the node's newest own event.</param>
public sealed record NodeInfo(NodeCard Card, string KeyPlace, long LastSeq);
