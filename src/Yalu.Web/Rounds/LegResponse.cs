namespace Yalu.Web.Rounds;

/// <summary>One leg of a round: <paramref name="Giver"/> hands <paramref name="Lot"/> to <paramref name="Receiver"/>.</summary>
/// <param name="Id">The leg id (confirm or fail it by this).</param>
/// <param name="Round">The round that cleared it.</param>
/// <param name="Exchange">Its loop or chain within the round.</param>
/// <param name="Position">Its place within the exchange (receive order).</param>
/// <param name="Giver">The giver's handle.</param>
/// <param name="Receiver">The receiver's handle (the keeper, for the first leg of a chain).</param>
/// <param name="Lot">What is handed over.</param>
/// <param name="State">pending, confirmed, failed or released.</param>
/// <param name="Code">The handover code printed on both slips.</param>
public sealed record LegResponse(
    string Id, string Round, int Exchange, int Position, string Giver, string Receiver, LegLotResponse Lot, string State, string Code);
