using Yalu.Storage;
using Yalu.Sync;

namespace Yalu.Web.Application;

/// <summary>
/// The keeper's exchange with the other bank, for the pages (and any future API) alike: this node's
/// card and its peers, a bundle for a peer (sealed, every event it has not acknowledged), and a
/// bundle from a peer (verified before it is read, applied all or nothing; a replay changes nothing).
/// Failures are outcomes with stable codes: the bytes' SY0xx and the node's SN0xx, as
/// <c>yalu import</c> prints them. Thread-safe; one per node.
/// </summary>
public sealed class SyncService(INodeSync sync, TimeProvider clock)
{
    /// <summary>This node and every peer it has trusted.</summary>
    public async Task<Outcome<SyncOverview>> OverviewAsync(CancellationToken cancellationToken = default) =>
        Outcome.Ok(new SyncOverview(await sync.GetNodeAsync(cancellationToken), await sync.ListPeersAsync(cancellationToken)));

    /// <summary>A bundle for the trusted peer <paramref name="peer"/> (its node id), with a file name that says from whom, to whom and when.</summary>
    public async Task<Outcome<BundleDownload>> ExportAsync(string? peer, CancellationToken cancellationToken = default)
    {
        var id = NodeId.Parse(peer);
        if (!id.Success) return Outcome.Fail<BundleDownload>(UseCaseCodes.PeerNotFound, $"\"{peer}\" is not a node id");
        var bundle = await sync.ExportAsync(id.Value, cancellationToken);
        if (!bundle.Success) return Outcome.Fail<BundleDownload>(UseCaseCodes.PeerNotFound, bundle.Error.Message);
        await sync.RecordExportAsync(id.Value, cancellationToken);
        string name = $"yalu-{Safe(sync.Card.Name)}-to-{Safe(bundle.Value.Peer.Name)}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.yalu";
        return Outcome.Ok(new BundleDownload(name, bundle.Value));
    }

    /// <summary>Imports an uploaded bundle; <see cref="UseCaseCodes.BundleRejected"/> with the reason (and nothing changed) when it is refused.</summary>
    public async Task<Outcome<ImportReport>> ImportAsync(byte[]? bundle, CancellationToken cancellationToken = default)
    {
        if (bundle is null || bundle.Length == 0) return Outcome.Fail<ImportReport>(UseCaseCodes.Required, "choose the bundle file to upload");
        var report = await sync.ImportAsync(bundle, cancellationToken);
        return report.Success ? Outcome.Ok(report.Value) : Outcome.Fail<ImportReport>(UseCaseCodes.BundleRejected, report.Error.ToString());
    }

    private static string Safe(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
