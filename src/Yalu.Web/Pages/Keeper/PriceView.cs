namespace Yalu.Web.Pages.Keeper;

/// <summary>One good on the keeper's price board: this market's figures and the other bank's from its bulletin.</summary>
/// <param name="Good">The good's code.</param>
/// <param name="Name">Its name in the keeper's language (its code when the catalog lacks it).</param>
/// <param name="Unit">Its unit code, or null when the catalog lacks the good.</param>
/// <param name="Handovers">Confirmed handovers in the window.</param>
/// <param name="PerUnit">The median value per unit, CNY; null when it did not change hands here in the window.</param>
/// <param name="Kpw">The same in KPW at the rate in effect, if one is recorded.</param>
/// <param name="Last">When it last changed hands, if it did in the window.</param>
/// <param name="Chart">The SVG chart of its value per unit by day (empty when it did not change hands here).</param>
/// <param name="Other">The other bank's median value per unit, CNY, from its bulletin; null when the bulletin does not list it.</param>
/// <param name="OtherLegs">How many lots of it changed hands on the other bank, per the bulletin.</param>
public sealed record PriceView(string Good, string Name, string? Unit, int Handovers, decimal? PerUnit, decimal? Kpw, DateTimeOffset? Last, string Chart, decimal? Other, int? OtherLegs);
