using Yalu.Market.Trading;
using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>
/// The node side of two banks trading as one market: this node's identity, the peers it trusts,
/// bundles out and in, the check of the signed log, and the state of cross-bank exchanges. The SQL
/// stores implement it next to <see cref="IMarketStore"/>. Thread-safe.
/// </summary>
public interface INodeSync
{
    /// <summary>This node's public card.</summary>
    NodeCard Card { get; }

    /// <summary>The node: card, where its keys are, its newest own event.</summary>
    Task<NodeInfo> GetNodeAsync(CancellationToken cancellationToken = default);

    /// <summary>Every peer ever trusted, revoked ones too.</summary>
    Task<IReadOnlyList<Peer>> ListPeersAsync(CancellationToken cancellationToken = default);

    /// <summary>The trusted peer a name, node id or fingerprint names.</summary>
    Task<SyncResult<Peer>> ResolvePeerAsync(string nameOrId, CancellationToken cancellationToken = default);

    /// <summary>Trusts a peer's card.</summary>
    Task<SyncResult<Peer>> TrustPeerAsync(NodeCard card, CancellationToken cancellationToken = default);

    /// <summary>Seals a bundle for a trusted peer (changes nothing).</summary>
    Task<SyncResult<ExportedBundle>> ExportAsync(NodeId peer, CancellationToken cancellationToken = default);

    /// <summary>Notes that a bundle for the peer was handed out.</summary>
    Task RecordExportAsync(NodeId peer, CancellationToken cancellationToken = default);

    /// <summary>Imports a bundle, all or nothing.</summary>
    Task<SyncResult<ImportReport>> ImportAsync(byte[] bundle, CancellationToken cancellationToken = default);

    /// <summary>Re-checks every chain in the log.</summary>
    Task<IReadOnlyList<LogCheck>> VerifyLogAsync(CancellationToken cancellationToken = default);

    /// <summary>The cross-bank exchanges of a round by exchange index: "proposed", "accepted" or "called_off".</summary>
    Task<IReadOnlyDictionary<int, string>> ListCrossLoopsAsync(RoundId round, CancellationToken cancellationToken = default);

    /// <summary>The lots whose home is another node (replicas this node never writes).</summary>
    Task<IReadOnlySet<LotId>> ListForeignLotsAsync(CancellationToken cancellationToken = default);
}
