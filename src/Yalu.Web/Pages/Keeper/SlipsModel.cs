using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/rounds/{id}/slips: every trader's slip for a cleared round, the same slip the trader sees
/// on /slip (<see cref="SlipView"/> and <c>_Slip.cshtml</c>), each printed in its trader's language
/// whoever prints it. The print stylesheet gives big type, a dashed cut line above each slip and
/// no page furniture.
/// </summary>
public sealed class SlipsModel(UiText text, IMarketStore store) : YaluPageModel(text)
{
    /// <summary>The round.</summary>
    public Round Round { get; private set; } = null!;

    /// <summary>One slip per trader taking part, by handle, with the language to print it in.</summary>
    public IReadOnlyList<(SlipView Slip, Language Language)> Slips { get; private set; } = [];

    /// <summary>GET; 404 for an unknown round, and back to the round's page while it has no result.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!RoundId.TryParse(id, out var roundId) || await store.GetRoundAsync(roundId, cancellationToken) is not { } round) return NotFoundPage();
        if (round.State != RoundState.Cleared) return Redirect($"/keeper/rounds/{Uri.EscapeDataString(id)}");
        Round = round;
        var legs = await store.ListLegsAsync(round.Id, cancellationToken);
        var traders = (await store.ListTradersAsync(cancellationToken)).ToDictionary(t => t.Id);
        var taking = legs.SelectMany(l => new[] { l.Giver, l.Receiver }).Distinct()
            .Where(t => traders.TryGetValue(t, out var who) && who.Role != Role.Keeper)
            .OrderBy(t => traders[t].Handle.Value, StringComparer.Ordinal).ToList();
        var slips = await SlipView.BuildAsync(store, round, taking, cancellationToken);
        Slips = [.. slips.Select((slip, i) => (slip, traders[taking[i]].Language))];
        return Page();
    }
}
