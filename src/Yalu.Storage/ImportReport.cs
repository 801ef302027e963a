using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>What importing one bundle did.</summary>
/// <param name="Sender">The peer that sealed it.</param>
/// <param name="NewEvents">Events applied now.</param>
/// <param name="KnownEvents">Events this node already held (a replayed or older bundle), ignored.</param>
/// <param name="AckedSeq">The newest of this node's events the peer has now acknowledged.</param>
/// <param name="Accepted">Cross-bank exchanges of the peer's rounds this node accepted.</param>
/// <param name="CalledOff">Cross-bank exchanges called off (by this node's answer, or by the peer's).</param>
public sealed record ImportReport(NodeCard Sender, int NewEvents, int KnownEvents, long AckedSeq, int Accepted, int CalledOff)
{
    /// <summary>True when the bundle changed nothing: every event already held, no newer acknowledgement.</summary>
    public bool NothingNew { get; init; }
}
