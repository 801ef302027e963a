namespace Yalu.Sync;

/// <summary>
/// Checks a run of one node's events: each of the node, each signed by the node's card, each the next
/// sequence number, each naming the previous event's hash. Signatures are checked in parallel (they are
/// the cost: bench/results/sync.md), the links in order; the answer is the first bad event either way.
/// </summary>
public static class EventChain
{
    private const int ParallelThreshold = 256;

    /// <summary>
    /// Verifies <paramref name="events"/> as the continuation of <paramref name="card"/>'s log after
    /// <paramref name="after"/> (default: an empty log, so the first event must be 1 with a zero
    /// previous hash). Never throws for bad events.
    /// </summary>
    /// <param name="events">The events, in log order.</param>
    /// <param name="card">The card of the node whose log this is.</param>
    /// <param name="after">Where the log stood before the first event; default <see cref="ChainTip.Empty"/>.</param>
    /// <param name="verifySignatures">
    /// Default true. False checks node, sequence and hash links only. That is sound only for events
    /// whose exact bytes the same node has just signed as a whole: the events of a bundle's sender,
    /// in a bundle <see cref="Bundle.Open"/> authenticated (its signature covers the hash of the body,
    /// every event's bytes and signature included). It saves one Ed25519 verification per event
    /// (the bulk of an import's time: bench/results/sync.md); <c>yalu log verify</c> should still check every signature.
    /// </param>
    public static ChainCheck Verify(IEnumerable<SignedEvent> events, NodeCard card, ChainTip? after = null, bool verifySignatures = true)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(card);
        var list = events as IReadOnlyList<SignedEvent> ?? [.. events];
        var signatureOk = new bool[list.Count];
        if (!verifySignatures)
            Array.Fill(signatureOk, true);
        else if (list.Count >= ParallelThreshold)
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
