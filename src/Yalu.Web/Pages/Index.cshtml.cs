using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>GET /: the home page; for a trader, their open lots and whether their slip is ready.</summary>
public sealed class IndexModel(UiText text, IMarketStore store) : YaluPageModel(text)
{
    /// <summary>The logged-in trader's handle, or null.</summary>
    public string? Handle { get; private set; }

    /// <summary>Open lots on the market.</summary>
    public int OpenLots { get; private set; }

    /// <summary>The trader's open lots.</summary>
    public int MyOpenLots { get; private set; }

    /// <summary>Whether the latest cleared round has legs of this trader.</summary>
    public bool SlipReady { get; private set; }

    /// <summary>Reads the counts.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var open = await store.ListLotsAsync(LotState.Open, cancellationToken);
        OpenLots = open.Count;
        if (User.Identity?.IsAuthenticated != true) return;
        var me = User.TraderId();
        Handle = User.Identity.Name;
        MyOpenLots = open.Count(l => l.Owner == me);
        var latest = await CurrentRound.LatestAsync(store, cancellationToken);
        if (latest is { State: RoundState.Cleared })
            SlipReady = (await store.ListLegsAsync(latest.Id, cancellationToken)).Any(l => l.Giver == me || l.Receiver == me);
    }
}
