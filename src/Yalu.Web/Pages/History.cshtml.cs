using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>/history: every leg of mine in the recent rounds, newest round first, with its outcome.</summary>
[RequireTrader]
public sealed class HistoryModel(UiText text, IMarketStore store, TimeProvider clock) : YaluPageModel(text)
{
    private const int RoundsShown = 100;
    private MarketCatalog _catalog = MarketCatalog.Empty;

    /// <summary>One leg of mine.</summary>
    /// <param name="Round">Its round.</param>
    /// <param name="Gave">Whether I handed the lot over (else I received it).</param>
    /// <param name="Other">The other trader's handle.</param>
    /// <param name="Lot">The lot.</param>
    /// <param name="State">The leg's state.</param>
    public sealed record Row(Round Round, bool Gave, string Other, Lot Lot, LegState State);

    /// <summary>My legs.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Money and units in the page's language.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>Reads my legs.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.TraderId();
        _catalog = await store.GetCatalogAsync(cancellationToken);
        Format = await UiFormat.TodayAsync(T, store, clock, cancellationToken);
        var traders = (await store.ListTradersAsync(cancellationToken)).ToDictionary(t => t.Id);
        var rows = new List<Row>();
        foreach (var round in await store.ListRoundsAsync(RoundsShown, cancellationToken))
        {
            if (round.State != RoundState.Cleared) continue;
            foreach (var leg in await store.ListLegsAsync(round.Id, cancellationToken))
            {
                if (leg.Giver != me && leg.Receiver != me) continue;
                if (await store.GetLotAsync(leg.Lot, cancellationToken) is not { } lot) continue;
                bool gave = leg.Giver == me;
                var other = gave ? leg.Receiver : leg.Giver;
                rows.Add(new Row(round, gave, traders.TryGetValue(other, out var t) ? t.Handle.Value : "?", lot, leg.State));
            }
        }
        Rows = rows;
    }

    /// <summary>A lot as "icon name — quantity".</summary>
    public string Describe(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var good = _catalog.Find(lot.Good);
        return (good is null ? lot.Good.Value : GoodDisplay.Icon(good) + " " + GoodDisplay.Name(good)) + " — " + Format.Quantity(lot.Quantity);
    }
}
