namespace Yalu.Web.Rounds;

/// <summary>What confirming or failing a leg changed.</summary>
/// <param name="Legs">The legs in their new state: the one named, and for a no-show the rest of its exchange, released.</param>
/// <param name="ReopenedLots">Lots open again for the next round (a no-show's exchange); empty for a confirmation.</param>
public sealed record LegChangeResponse(IReadOnlyList<LegResponse> Legs, IReadOnlyList<string> ReopenedLots);
