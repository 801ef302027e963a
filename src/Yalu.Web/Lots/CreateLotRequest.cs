namespace Yalu.Web.Lots;

/// <summary>
/// A new lot. Carries no owner, state, id or version: the owner is the logged-in trader and a new
/// lot is open (unknown JSON properties are ignored).
/// </summary>
/// <param name="Good">The catalog good's code, e.g. G01; the unit is the good's.</param>
/// <param name="Quantity">How much, positive, at most three decimals.</param>
/// <param name="Value">Estimated value in CNY, e.g. "12.50".</param>
/// <param name="Note">Free text, at most 500 characters; shown with the lot, never logged.</param>
/// <param name="Donor">Given without anything asked back (it can start a chain). Default false.</param>
public sealed record CreateLotRequest(string? Good, decimal? Quantity, string? Value, string? Note, bool? Donor);
