using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Rounds;

namespace Yalu.Web.Ui;

/// <summary>
/// One trader's slip for one cleared round, ready to render with the partial
/// <c>Pages/Shared/_Slip.cshtml</c> (the trader's slip page and the keeper's print-all view share it):
/// per leg, whether they hand over or receive, whom they meet (with their bank when it is the other
/// one: kim-hana@hyesan), the lot and the handover code.
/// </summary>
/// <param name="Round">The round.</param>
/// <param name="Handle">The trader's handle.</param>
/// <param name="Entries">Their legs, by exchange, the giving leg first.</param>
public sealed record SlipView(Round Round, string Handle, IReadOnlyList<SlipView.Entry> Entries)
{
    /// <summary>One leg on a slip.</summary>
    /// <param name="Give">True when this trader hands the lot over, false when they receive it.</param>
    /// <param name="Other">The other trader's handle.</param>
    /// <param name="OtherSide">The other trader's bank.</param>
    /// <param name="Lot">The lot that changes hands.</param>
    /// <param name="Good">The lot's good, or null when the catalog lost it.</param>
    /// <param name="State">The leg's state.</param>
    /// <param name="Code">The six-character handover code (the same on both slips).</param>
    /// <param name="Exchange">The loop or chain the leg belongs to.</param>
    public sealed record Entry(bool Give, string Other, Side OtherSide, Lot Lot, Good? Good, LegState State, string Code, int Exchange);

    /// <summary>Builds the slips of <paramref name="round"/> for each of <paramref name="traders"/> from its legs.</summary>
    public static async Task<IReadOnlyList<SlipView>> BuildAsync(IMarketStore store, Round round, IEnumerable<TraderId> traders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(traders);
        var legs = await store.ListLegsAsync(round.Id, cancellationToken);
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var everyone = (await store.ListTradersAsync(cancellationToken)).ToDictionary(t => t.Id);
        var lots = new Dictionary<LotId, Lot>();
        foreach (var leg in legs)
        {
            if (await store.GetLotAsync(leg.Lot, cancellationToken) is { } lot) lots[leg.Lot] = lot;
        }
        var slips = new List<SlipView>();
        foreach (var whose in traders)
        {
            var entries = new List<Entry>();
            foreach (var leg in legs.OrderBy(l => l.Exchange).ThenBy(l => l.Position))
            {
                if (!lots.TryGetValue(leg.Lot, out var lot)) continue;
                var good = catalog.Find(lot.Good);
                if (leg.Giver == whose) entries.Add(Of(leg, true, leg.Receiver));
                if (leg.Receiver == whose) entries.Add(Of(leg, false, leg.Giver));

                // Across the river a handle is shown with its bank (kim-hana@hyesan): the two banks' handles are chosen apart.
                Entry Of(Leg l, bool give, TraderId other) => new(give, everyone.TryGetValue(other, out var t)
                        ? (everyone.TryGetValue(whose, out var mine) && mine.Side != t.Side ? $"{t.Handle.Value}@{Wire.Of(t.Side)}" : t.Handle.Value)
                        : "?",
                    everyone.TryGetValue(other, out var o) ? o.Side : Side.Hyesan, lot, good, l.State, HandoverCode.Of(l.Id), l.Exchange);
            }
            slips.Add(new SlipView(round, everyone.TryGetValue(whose, out var me) ? me.Handle.Value : "?",
                [.. entries.OrderBy(e => e.Exchange).ThenBy(e => e.Give ? 0 : 1)]));
        }
        return slips;
    }
}
