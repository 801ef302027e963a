namespace Yalu.Web.Rounds;

/// <summary>One line of a slip: hand <paramref name="Lot"/> to, or receive it from, <paramref name="Meet"/>.</summary>
/// <param name="Leg">The leg id.</param>
/// <param name="Exchange">The loop or chain it belongs to (legs of one exchange stand or fall together).</param>
/// <param name="Action">give or receive.</param>
/// <param name="Meet">The other side of the handover.</param>
/// <param name="Lot">What changes hands.</param>
/// <param name="State">pending, confirmed, failed or released.</param>
/// <param name="Code">The handover code; the other side's slip shows the same one.</param>
public sealed record SlipEntryResponse(string Leg, int Exchange, string Action, TraderRefResponse Meet, LegLotResponse Lot, string State, string Code);
