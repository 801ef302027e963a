namespace Yalu.Web.Application;

/// <summary>A new lot as typed or sent, checked by <see cref="LotService.PostAsync"/>.</summary>
/// <param name="Good">The good's code (G01…).</param>
/// <param name="Quantity">How much, in the good's unit; null when missing or unreadable.</param>
/// <param name="Value">The estimated value in CNY, as text (12.50).</param>
/// <param name="Note">A free-text note (never logged).</param>
/// <param name="Donor">Given without anything asked back.</param>
public sealed record LotDraft(string? Good, decimal? Quantity, string? Value, string? Note, bool Donor = false);
