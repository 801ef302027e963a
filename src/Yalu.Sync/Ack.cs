namespace Yalu.Sync;

/// <summary>An acknowledgement in a bundle: the sender has applied <paramref name="Node"/>'s events 1..<paramref name="Seq"/>.</summary>
/// <param name="Node">Whose log.</param>
/// <param name="Seq">The last event of that log the sender has applied (0: none yet).</param>
public readonly record struct Ack(NodeId Node, long Seq);
