using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>This node and its peers, for the keeper's exchange page.</summary>
/// <param name="Node">This node: card, where its keys are, its newest own event.</param>
/// <param name="Peers">Every peer trusted, revoked ones too.</param>
public sealed record SyncOverview(NodeInfo Node, IReadOnlyList<Peer> Peers);
