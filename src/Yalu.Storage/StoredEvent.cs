namespace Yalu.Storage;

/// <summary>One entry of the append-only event log, the base of node-to-node sync.</summary>
/// <param name="Seq">Sequence number: increasing, in commit order.</param>
/// <param name="At">When, from the store's injected clock.</param>
/// <param name="Actor">Who: a trader id, or "node" for the node itself.</param>
/// <param name="Kind">What, e.g. "lot.posted", "round.cleared".</param>
/// <param name="Subject">The id of the record changed.</param>
/// <param name="Payload">JSON with the facts of the change; never a note, a pass phrase or its hash.</param>
public sealed record StoredEvent(long Seq, DateTimeOffset At, string Actor, string Kind, string Subject, string Payload);
