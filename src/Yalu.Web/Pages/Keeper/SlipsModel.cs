using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Rounds;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/rounds/{id}/slips: every trader's slip for a cleared round, one per printed piece, each
/// in its trader's language, with the same entries as <c>GET /api/rounds/{id}/slip?trader=</c>.
/// The print stylesheet gives big type, dashed cut lines and no page furniture.
/// </summary>
public sealed class SlipsModel(UiText text, IMarketStore store) : YaluPageModel(text)
{
    /// <summary>The round.</summary>
    public Round Round { get; private set; } = null!;

    /// <summary>One slip per trader taking part, by handle.</summary>
    public IReadOnlyList<SlipView> Slips { get; private set; } = [];

    /// <summary>GET; 404 for an unknown round, and back to the round's page while it has no result.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!RoundId.TryParse(id, out var roundId) || await store.GetRoundAsync(roundId, cancellationToken) is not { } round) return NotFound();
        if (round.State != RoundState.Cleared) return Redirect($"/keeper/rounds/{Uri.EscapeDataString(id)}");
        Round = round;
        var legs = await store.ListLegsAsync(round.Id, cancellationToken);
        var view = await RoundView.LoadAsync(store, cancellationToken);
        var slips = new List<SlipView>();
        foreach (var trader in legs.SelectMany(l => new[] { l.Giver, l.Receiver }).Distinct())
        {
            if (!view.Traders.TryGetValue(trader, out var who) || who.Role == Role.Keeper) continue;
            var entries = new List<SlipEntryResponse>();
            foreach (var leg in legs.OrderBy(l => l.Exchange).ThenBy(l => l.Position))
            {
                if (leg.Giver == trader)
                    entries.Add(new(leg.Id.ToString(), leg.Exchange, "give", view.Ref(leg.Receiver), DisplayNames.Named(view.Lot(leg.Lot, who.Language), view.Catalog, who.Language), RoundWire.Of(leg.State), HandoverCode.Of(leg.Id)));
                if (leg.Receiver == trader)
                    entries.Add(new(leg.Id.ToString(), leg.Exchange, "receive", view.Ref(leg.Giver), DisplayNames.Named(view.Lot(leg.Lot, who.Language), view.Catalog, who.Language), RoundWire.Of(leg.State), HandoverCode.Of(leg.Id)));
            }
            slips.Add(new SlipView(view.Ref(trader), who.Language,
                [.. entries.OrderBy(e => e.Exchange).ThenBy(e => e.Action == "give" ? 0 : 1)]));
        }
        Slips = [.. slips.OrderBy(s => s.Trader.Handle, StringComparer.Ordinal)];
        return Page();
    }
}
