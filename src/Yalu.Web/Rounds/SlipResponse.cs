namespace Yalu.Web.Rounds;

/// <summary>A trader's slip for one round: every handover they take part in, by exchange, giving first.</summary>
/// <param name="Round">The round id.</param>
/// <param name="Trader">Whose slip.</param>
/// <param name="Entries">The handovers; empty when the trader trades nothing in this round.</param>
public sealed record SlipResponse(string Round, TraderRefResponse Trader, IReadOnlyList<SlipEntryResponse> Entries);
