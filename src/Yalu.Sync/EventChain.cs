namespace Yalu.Sync;

/// <summary>
/// Checks a run of one node's events: each of the node, each signed by the node's card, each the next
/// sequence number, each naming the previous event's hash. Signatures are checked in parallel (they are
/// the cost: about 50 µs each), the links in order; the answer is the first bad event either way.
/// </summary>
public static class EventChain
{
    private const int ParallelThreshold = 256;

    /// <summary>
    /// Verifies <paramref name="events"/> as the continuation of <paramref name="card"/>'s log after
    /// <paramref name="after"/> (default: an empty log, so the first event must be 1 with a zero
    /// previous hash). Never throws for bad events.
    /// </summary>
    public static ChainCheck Verify(IEnumerable<SignedEvent> events, NodeCard card, ChainTip? after = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(card);
        var list = events as IReadOnlyList<SignedEvent> ?? [.. events];
        var signatureOk = new bool[list.Count];
        if (list.Count >= ParallelThreshold)
            Parallel.For(0, list.Count, i => signatureOk[i] = list[i].VerifySignature(card));
        else
            for (int i = 0; i < list.Count; i++) signatureOk[i] = list[i].VerifySignature(card);

        var tip = after ?? ChainTip.Empty;
        for (int i = 0; i < list.Count; i++)
        {
            var e = list[i];
            (ChainFault fault, string code, string why) = e.Node != card.NodeId
                ? (ChainFault.WrongNode, SyncCodes.ChainWrongNode, $"it is node {e.Node}'s, not {card.Name}'s ({card.NodeId})")
                : e.Seq > tip.Seq + 1
                    ? (ChainFault.SequenceGap, SyncCodes.ChainGap, $"expected event {tip.Seq + 1}: events {tip.Seq + 1}..{e.Seq - 1} are missing")
                    : e.Seq <= tip.Seq
                        ? (ChainFault.SequenceDuplicate, SyncCodes.ChainDuplicate, $"expected event {tip.Seq + 1}: {e.Seq} repeats or goes back")
                        : !e.PrevHash.Span.SequenceEqual(tip.Hash.Span)
                            ? (ChainFault.WrongPrevHash, SyncCodes.ChainWrongPrevHash, $"its previous hash is not the hash of event {tip.Seq} (the log was changed or forked)")
                            : !signatureOk[i]
                                ? (ChainFault.BadSignature, SyncCodes.ChainBadSignature, "its signature does not verify with the node's key (the event was changed)")
                                : (ChainFault.None, "", "");
            if (fault != ChainFault.None)
            {
                var error = new SyncError(code, $"{card.Name}'s log, event {e.Seq} ({e.Kind} {e.Subject}), position {i + 1}: {why}");
                return new ChainCheck(i, tip, i, e, fault, error);
            }
            tip = ChainTip.After(e);
        }
        return new ChainCheck(list.Count, tip, -1, null, ChainFault.None, null);
    }
}
