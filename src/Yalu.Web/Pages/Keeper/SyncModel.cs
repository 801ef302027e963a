using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/sync: the exchange with the other bank. This node's name, side and fingerprint (to read
/// to the other keeper), the trusted peers with their fingerprints and when bundles last went each
/// way; a bundle to download for a peer (to carry on the USB stick) and a bundle to upload from one.
/// Every form carries the antiforgery token; everything goes through <see cref="SyncService"/>.
/// </summary>
public sealed class SyncModel(UiText text, SyncService sync, IOptions<YaluWebOptions> options) : YaluPageModel(text)
{
    /// <summary>This node and its peers.</summary>
    public SyncOverview Overview { get; private set; } = null!;

    /// <summary>What the upload did, or why it was refused.</summary>
    public string? Message { get; private set; }

    /// <summary>Whether <see cref="Message"/> reports a refusal.</summary>
    public bool Refused { get; private set; }

    /// <summary>The uploaded bundle.</summary>
    [BindProperty]
    public IFormFile? Bundle { get; set; }

    /// <summary>The peer a bundle is asked for (its node id).</summary>
    [BindProperty]
    public string? Peer { get; set; }

    /// <summary>GET.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = (await sync.OverviewAsync(cancellationToken)).Value;

    /// <summary>POST ?handler=export: the bundle for <see cref="Peer"/>, as a file download.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var download = await sync.ExportAsync(Peer, cancellationToken);
        if (download.IsOk) return File(download.Value.Bundle.Bytes, "application/octet-stream", download.Value.FileName);
        Refused = true;
        Message = T["Keeper.Sync.NoPeer"];
        Overview = (await sync.OverviewAsync(cancellationToken)).Value;
        Response.StatusCode = 404;
        return Page();
    }

    /// <summary>POST ?handler=import: apply the uploaded bundle, all or nothing.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        byte[]? bytes = null;
        if (Bundle is { Length: > 0 } file && file.Length <= options.Value.MaxBundleBytes)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        var imported = await sync.ImportAsync(bytes, cancellationToken);
        Overview = (await sync.OverviewAsync(cancellationToken)).Value;
        if (!imported.IsOk)
        {
            Refused = true;
            Message = imported.Error!.Code == UseCaseCodes.Required
                ? T["Keeper.Sync.ChooseFile"]
                : T.Format("Keeper.Sync.Rejected", imported.Error.Message);
            Response.StatusCode = 422;
            return Page();
        }
        var r = imported.Value;
        Message = r.NothingNew
            ? T.Format("Keeper.Sync.NothingNew", r.Sender.Name)
            : T.Format("Keeper.Sync.Applied", r.NewEvents, r.Sender.Name, r.Accepted, r.CalledOff);
        return Page();
    }

    /// <summary>A time, or the word for "never".</summary>
    public string When(DateTimeOffset? at) => at is { } t ? UiFormat.DateTime(t) : T["Keeper.Sync.Never"];

    /// <summary>How a peer stands: trusted, or revoked since when.</summary>
    public string Standing(Peer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return peer.IsTrusted ? T["Keeper.Sync.Trusted"] : T.Format("Keeper.Sync.Revoked", When(peer.RevokedAt));
    }
}
