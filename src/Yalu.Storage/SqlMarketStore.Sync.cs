using System.Data.Common;
using System.Globalization;
using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>
/// Two banks, one market: trusted peers, bundles out (every own event the peer has not acknowledged,
/// and the acknowledgement of the peer's events) and bundles in (authenticated and decrypted before
/// anything is parsed, the sender's chain verified as the continuation of what this node holds,
/// then applied to the replica all or nothing), and the check of every chain in the log.
/// </summary>
public abstract partial class SqlMarketStore
{
    /// <summary>The largest bundle file this node reads (a 10,000-event day is well under 2 MB).</summary>
    public const long MaxBundleBytes = 256L * 1024 * 1024;

    private const string PeerColumns = "p.card, p.trusted_at, p.acked_seq, p.last_export_at, p.last_import_at, p.revoked_at, "
        + "COALESCE((SELECT MAX(e.node_seq) FROM event_log e WHERE e.node = p.node_id), 0)";

    /// <summary>
    /// Trusts <paramref name="card"/>'s node: its bundles are accepted from now on. Trusting a peer
    /// again (the same card) is a no-op; a revoked peer is trusted again. Refuses this node's own card.
    /// </summary>
    public async Task<SyncResult<Peer>> TrustPeerAsync(NodeCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.NodeId == Card.NodeId) return SyncResult.Fail<Peer>(NodeSyncCodes.OwnCard, $"that is this node's own card ({card.Name}, {card.Fingerprint}): trust the other bank's card");
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        await using (var tx = await BeginWriteAsync(connection, cancellationToken))
        {
            int rows = await ExecuteAsync(connection, tx, "UPDATE peers SET revoked_at = NULL WHERE node_id = @node", cancellationToken, ("node", card.NodeId.ToString()));
            if (rows == 0)
                await ExecuteAsync(connection, tx,
                    "INSERT INTO peers (node_id, name, side, card, fingerprint, trusted_at, acked_seq) VALUES (@node, @name, @side, @card, @fingerprint, @at, 0)",
                    cancellationToken, ("node", card.NodeId.ToString()), ("name", card.Name), ("side", card.Side), ("card", card.ToBytes()),
                    ("fingerprint", card.Fingerprint), ("at", Clock.GetUtcNow()));
            await tx.CommitAsync(cancellationToken);
        }
        return SyncResult.Ok<Peer>((await FindPeerAsync(card.NodeId, cancellationToken))!);
    }

    /// <summary>Stops accepting <paramref name="node"/>'s bundles (its key may be stolen); its replica stays as last imported.</summary>
    public async Task<SyncResult<Peer>> RevokePeerAsync(NodeId node, CancellationToken cancellationToken = default)
    {
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        await using (var tx = await BeginWriteAsync(connection, cancellationToken))
        {
            int rows = await ExecuteAsync(connection, tx, "UPDATE peers SET revoked_at = @at WHERE node_id = @node AND revoked_at IS NULL",
                cancellationToken, ("node", node.ToString()), ("at", Clock.GetUtcNow()));
            await tx.CommitAsync(cancellationToken);
            if (rows == 0) return SyncResult.Fail<Peer>(NodeSyncCodes.NotTrusted, $"node {node} is not a trusted peer");
        }
        return SyncResult.Ok<Peer>((await FindPeerAsync(node, cancellationToken))!);
    }

    /// <summary>Every peer ever trusted (revoked ones too), by name.</summary>
    public async Task<IReadOnlyList<Peer>> ListPeersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return (await QueryAsync(connection, $"SELECT {PeerColumns} FROM peers p ORDER BY p.name, p.node_id", ReadPeer, cancellationToken)).AsReadOnly();
    }

    /// <summary>The peer with this id, or null.</summary>
    public async Task<Peer?> FindPeerAsync(NodeId node, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return (await QueryAsync(connection, $"SELECT {PeerColumns} FROM peers p WHERE p.node_id = @node", ReadPeer, cancellationToken, ("node", node.ToString()))).SingleOrDefault();
    }

    /// <summary>
    /// The trusted peer <paramref name="nameOrId"/> names: its node id (or a unique prefix of at least
    /// 8 characters), its fingerprint, or its name when only one peer has it.
    /// </summary>
    public async Task<SyncResult<Peer>> ResolvePeerAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        string wanted = nameOrId.Trim();
        var peers = await ListPeersAsync(cancellationToken);
        string digits = new(wanted.Where(char.IsAsciiLetterOrDigit).ToArray());
        var matches = peers.Where(p =>
            string.Equals(p.Card.Name, wanted, StringComparison.OrdinalIgnoreCase)
            || (wanted.Length >= 8 && p.Card.NodeId.ToString().StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
            || (digits.Length >= 8 && string.Equals(new string(p.Card.Fingerprint.Where(char.IsAsciiLetterOrDigit).ToArray()), digits, StringComparison.OrdinalIgnoreCase))).ToList();
        if (matches.Count == 1)
            return matches[0].IsTrusted ? SyncResult.Ok<Peer>(matches[0])
                : SyncResult.Fail<Peer>(NodeSyncCodes.NotTrusted, $"peer {matches[0].Card.Name} ({matches[0].Card.Fingerprint}) was revoked at {matches[0].RevokedAt:u}");
        if (matches.Count > 1) return SyncResult.Fail<Peer>(NodeSyncCodes.NotTrusted, $"{matches.Count} peers answer to \"{wanted}\": give the node id");
        string known = peers.Count == 0 ? "no peer is trusted yet (yalu node trust --db DB CARD)" : "trusted: " + string.Join(", ", peers.Select(p => $"{p.Card.Name} ({p.Card.NodeId})"));
        return SyncResult.Fail<Peer>(NodeSyncCodes.NotTrusted, $"no trusted peer \"{wanted}\"; {known}");
    }

    private static Peer ReadPeer(DbDataReader r)
    {
        var card = NodeCard.Parse(r.GetFieldValue<byte[]>(0));
        if (!card.Success) throw new InvalidOperationException($"a stored peer card does not read: {card.Error}");
        return new Peer(card.Value, r.GetFieldValue<DateTimeOffset>(1), r.GetInt64(2), Convert.ToInt64(r.GetValue(6), CultureInfo.InvariantCulture),
            r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4),
            r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5));
    }

    /// <summary>
    /// Seals a bundle for <paramref name="peer"/>: every own event after the peer's acknowledgement,
    /// and the acknowledgement of the peer's events this node holds. Changes nothing; the caller
    /// writes the file durably, then calls <see cref="RecordExportAsync"/>.
    /// </summary>
    public async Task<SyncResult<ExportedBundle>> ExportAsync(NodeId peer, CancellationToken cancellationToken = default)
    {
        var found = await FindPeerAsync(peer, cancellationToken);
        if (found is null || !found.IsTrusted) return SyncResult.Fail<ExportedBundle>(NodeSyncCodes.NotTrusted, $"node {peer} is not a trusted peer");
        var events = new List<SignedEvent>();
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        await using (var command = Command(connection, null, "SELECT signed FROM event_log WHERE node = @node AND node_seq > @after ORDER BY node_seq",
            ("node", NodeIdText), ("after", found.AckedSeq)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var e = SignedEvent.Decode(reader.GetFieldValue<byte[]>(0));
                if (!e.Success) throw new InvalidOperationException($"this node's own log does not read ({e.Error}): run yalu log verify");
                events.Add(e.Value);
            }
        }
        var body = new BundleBody(Card.NodeId, peer, Clock.GetUtcNow(), events, [new Ack(peer, found.HaveSeq)]);
        byte[] bytes = Bundle.Seal(Identity, found.Card, body);
        return SyncResult.Ok<ExportedBundle>(new ExportedBundle(found.Card, bytes, events.Count,
            events.Count > 0 ? events[0].Seq : 0, events.Count > 0 ? events[^1].Seq : 0, found.HaveSeq));
    }

    /// <summary>Notes that a bundle for <paramref name="peer"/> was written (for the keeper's list of peers).</summary>
    public async Task RecordExportAsync(NodeId peer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, tx, "UPDATE peers SET last_export_at = @at WHERE node_id = @node", cancellationToken,
            ("node", peer.ToString()), ("at", Clock.GetUtcNow()));
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Imports a bundle: authenticates and decrypts it before anything in it is parsed (Yalu.Sync's
    /// <see cref="Bundle.OpenBody"/>: tampered, truncated, wrong recipient, unknown sender are refused
    /// there), then, under the write lock, checks the sender's events against what this node holds
    /// (known ones must hash the same; new ones must continue the chain without a gap) and applies the
    /// new ones to the replica, with this node's answers to the cross-bank exchanges they propose, in
    /// one transaction. Anything refused leaves the database unchanged. A bundle with nothing new (a
    /// replay, an older bundle) changes nothing and says so.
    /// </summary>
    public async Task<SyncResult<ImportReport>> ImportAsync(byte[] bundle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var trusted = (await ListPeersAsync(cancellationToken)).Where(p => p.IsTrusted).ToDictionary(p => p.Card.NodeId, p => p.Card);
        var opened = Bundle.OpenBody(Identity, id => trusted.GetValueOrDefault(id), bundle);
        if (!opened.Success) return SyncResult.Fail<ImportReport>(opened.Error);
        var sender = opened.Value.Sender;
        var body = opened.Value.Body;

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        var outcome = await ImportInTransactionAsync(connection, tx, sender, body, cancellationToken);
        if (outcome.Success && !outcome.Value.NothingNew)
        {
            await tx.CommitAsync(cancellationToken);
            ReadScope.Current?.Forget();
        }
        else await tx.RollbackAsync(cancellationToken);
        return outcome;
    }

    private async Task<SyncResult<ImportReport>> ImportInTransactionAsync(DbConnection c, DbTransaction tx, NodeCard sender, BundleBody body, CancellationToken cancellationToken)
    {
        string senderId = sender.NodeId.ToString();
        var tip = await ChainTipAsync(c, tx, senderId, cancellationToken);
        var fresh = new List<SignedEvent>();
        int known = 0;
        foreach (var e in body.Events)
        {
            if (e.Node != sender.NodeId)
                return SyncResult.Fail<ImportReport>(SyncCodes.ChainWrongNode, $"the bundle from {sender.Name} carries event {e.Seq} of another node ({e.Node}); a peer sends only its own events");
            if (e.Seq > tip.Seq)
            {
                fresh.Add(e);
                continue;
            }
            var held = await ScalarAsync(c, tx, "SELECT hash FROM event_log WHERE node = @node AND node_seq = @seq", cancellationToken, ("node", senderId), ("seq", e.Seq));
            if (held is not byte[] hash || !hash.AsSpan().SequenceEqual(e.Hash()))
                return SyncResult.Fail<ImportReport>(NodeSyncCodes.HistoryConflict,
                    $"{sender.Name}'s event {e.Seq} ({e.Kind} {e.Subject}) differs from the event {e.Seq} this node imported before: the peer's log forked (was its key stolen? revoke it: yalu node revoke)");
            known++;
        }
        // The links (node, gapless numbers, previous hashes) are checked here. Each event's own signature
        // is not checked again: the sender's bundle signature, which OpenBody verified, covers every
        // event's exact bytes, signature included; that saves one Ed25519 verification per event
        // (most of an import's time). yalu log verify checks every stored signature.
        var check = EventChain.Verify(fresh, sender, tip, verifySignatures: false);
        if (!check.IsValid) return SyncResult.Fail<ImportReport>(check.Error!);

        var (ownLast, _) = await LastOwnEventAsync(c, tx, cancellationToken);
        var peer = (await QueryAsync(c, tx, "SELECT acked_seq FROM peers WHERE node_id = @node", r => r.GetInt64(0), cancellationToken, ("node", senderId))).Single();
        long acked = peer;
        foreach (var ack in body.Acks.Where(a => a.Node == Card.NodeId))
        {
            if (ack.Seq > ownLast)
                return SyncResult.Fail<ImportReport>(NodeSyncCodes.AckBeyondLog, $"{sender.Name} acknowledges this node's events up to {ack.Seq}, but this node has written only {ownLast}");
            acked = Math.Max(acked, ack.Seq);
        }
        if (fresh.Count == 0 && acked == peer)
            return SyncResult.Ok<ImportReport>(new ImportReport(sender, 0, known, acked, 0, 0) { NothingNew = true });

        var answers = new ReplicaAnswers();
        await using var db = new Prepared(c, tx);
        foreach (var e in fresh)
        {
            await db.ExecuteAsync(
                $"INSERT INTO event_log (at, actor, kind, subject, payload, node, node_seq, hash, signed) VALUES (@at, @actor, @kind, @subject, {JsonParameter("@payload")}, @node, @nodeSeq, @hash, @signed)",
                cancellationToken,
                ("at", e.At), ("actor", "peer:" + ReplicaFacts.Actor(e.Payload.Span)), ("kind", e.Kind), ("subject", e.Subject), ("payload", "{}"),
                ("node", senderId), ("nodeSeq", e.Seq), ("hash", e.Hash()), ("signed", e.Encode()));
            SyncError? applied;
            try
            {
                applied = await ApplyReplicaAsync(db, senderId, e, answers, cancellationToken);
            }
            catch (DbException ex)
            {
                applied = new SyncError(NodeSyncCodes.ReplicaRejected, $"the database refused it: {ex.Message}");
            }
            if (applied is not null)
                return SyncResult.Fail<ImportReport>(applied.Code, $"{sender.Name}'s event {e.Seq} ({e.Kind} {e.Subject}) cannot be applied: {applied.Message}");
        }
        await ExecuteAsync(c, tx, "UPDATE peers SET acked_seq = @acked, last_import_at = @at WHERE node_id = @node", cancellationToken,
            ("node", senderId), ("acked", acked), ("at", Clock.GetUtcNow()));
        return SyncResult.Ok<ImportReport>(new ImportReport(sender, fresh.Count, known, acked, answers.Accepted, answers.CalledOff));
    }

    private static async Task<ChainTip> ChainTipAsync(DbConnection c, DbTransaction? tx, string node, CancellationToken cancellationToken)
    {
        await using var command = Command(c, tx, "SELECT node_seq, hash FROM event_log WHERE node = @node ORDER BY node_seq DESC LIMIT 1", ("node", node));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChainTip(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : ChainTip.Empty;
    }

    /// <summary>
    /// Re-checks every chain in the log — this node's and each peer's — from its first event: each
    /// event decodes, is the node's, is signed by its card, follows the one before without a gap, and
    /// matches the hash and columns stored beside it. Names the first bad event of each chain.
    /// </summary>
    public async Task<IReadOnlyList<LogCheck>> VerifyLogAsync(CancellationToken cancellationToken = default)
    {
        var cards = new List<NodeCard> { Card };
        cards.AddRange((await ListPeersAsync(cancellationToken)).Select(p => p.Card));
        var checks = new List<LogCheck>();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        long unsigned = Convert.ToInt64(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM event_log WHERE node IS NULL", cancellationToken), CultureInfo.InvariantCulture);
        foreach (var card in cards)
        {
            var events = new List<SignedEvent>();
            SyncError? error = null;
            await using (var command = Command(connection, null, "SELECT node_seq, hash, signed, kind, subject FROM event_log WHERE node = @node ORDER BY node_seq", ("node", card.NodeId.ToString())))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    long seq = reader.GetInt64(0);
                    var decoded = SignedEvent.Decode(reader.GetFieldValue<byte[]>(2));
                    if (!decoded.Success)
                    {
                        error ??= new SyncError(NodeSyncCodes.LogBroken, $"{card.Name}'s log, event {seq}: the stored bytes do not read: {decoded.Error}");
                        break;
                    }
                    var e = decoded.Value;
                    if (e.Seq != seq || !e.Hash().AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(1)) || e.Kind != reader.GetString(3) || e.Subject != reader.GetString(4))
                    {
                        error ??= new SyncError(NodeSyncCodes.LogBroken, $"{card.Name}'s log, event {seq} ({e.Kind} {e.Subject}): the columns stored beside it (number, hash, kind, subject) do not match the signed event");
                        break;
                    }
                    events.Add(e);
                }
            }
            if (error is null)
            {
                var check = EventChain.Verify(events, card);
                error = check.Error;
            }
            checks.Add(new LogCheck(card, events.Count, error));
        }
        if (unsigned > 0)
            checks[0] = checks[0] with { Error = checks[0].Error ?? new SyncError(NodeSyncCodes.LogBroken, $"{unsigned} events in the log are not signed by any node") };
        return checks;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<int, string>> ListCrossLoopsAsync(Market.Trading.RoundId round, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return (await QueryAsync(connection, "SELECT exchange_index, state FROM cross_loops WHERE round_id = @round", r => (r.GetInt32(0), r.GetString(1)),
            cancellationToken, ("round", Id(round.Value)))).ToDictionary(x => x.Item1, x => x.Item2);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlySet<Market.Trading.LotId>> ListForeignLotsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return (await QueryAsync(connection, "SELECT id FROM lots WHERE home IS NOT NULL", r => new Market.Trading.LotId(r.GetGuid(0)), cancellationToken)).ToHashSet();
    }
}
