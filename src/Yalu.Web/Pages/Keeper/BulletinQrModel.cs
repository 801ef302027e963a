using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/bulletin/qr: today's price bulletin as a QR code that a phone on the other bank reads,
/// drawn on the server (<see cref="QrSvg"/>). The code carries the bulletin's text with the goods
/// named in the page's language; when that is too long for one code, the text without names (the
/// checked part of every line, which the receiving node names from its own catalog).
/// </summary>
public sealed class BulletinQrModel(UiText text, BulletinService bulletins) : YaluPageModel(text)
{
    /// <summary>Today's bulletin.</summary>
    public Bulletin Bulletin { get; private set; } = null!;

    /// <summary>The text the code carries.</summary>
    public string Carried { get; private set; } = "";

    /// <summary>The code as SVG markup.</summary>
    public string Svg { get; private set; } = "";

    /// <summary>GET.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Bulletin = await bulletins.TodayAsync(cancellationToken);
        Carried = await bulletins.TextAsync(Bulletin, UiCulture.Current, cancellationToken);
        var modules = QrSvg.Modules(Carried);
        if (modules is null)
        {
            Carried = await bulletins.TextAsync(Bulletin, null, cancellationToken);
            // Without names a bulletin is at most 40 short lines, about 1 KB: always within a QR code's 2,331 bytes at level M.
            modules = QrSvg.Modules(Carried) ?? throw new InvalidOperationException("a bulletin without names fits in a QR code");
        }
        Svg = QrSvg.Draw(modules, "bulletin-qr", T.Format("Keeper.BulletinQr.Image", UiFormat.Date(Bulletin.Date)));
    }
}
