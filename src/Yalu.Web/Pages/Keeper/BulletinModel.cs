using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/bulletin: today's price bulletin as a page to print in big type (or to read out over the
/// radio), the goods named in the page's language; the same text <c>yalu bulletin</c> prints.
/// </summary>
public sealed class BulletinModel(UiText text, BulletinService bulletins) : YaluPageModel(text)
{
    /// <summary>Today's bulletin.</summary>
    public Bulletin Bulletin { get; private set; } = null!;

    /// <summary>Its lines as text (the header first), each good named in the page's language.</summary>
    public IReadOnlyList<string> Lines { get; private set; } = [];

    /// <summary>GET.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Bulletin = await bulletins.TodayAsync(cancellationToken);
        Lines = (await bulletins.TextAsync(Bulletin, UiCulture.Current, cancellationToken)).TrimEnd('\n').Split('\n');
    }
}
