namespace Yalu.Web.Pages.Keeper;

/// <summary>One good on the keeper's price board.</summary>
/// <param name="Good">The good's code.</param>
/// <param name="Name">Its name in the keeper's language.</param>
/// <param name="Unit">Its unit code.</param>
/// <param name="Handovers">Confirmed handovers in the window.</param>
/// <param name="PerUnit">The median value per unit, CNY.</param>
/// <param name="Kpw">The same in KPW at the rate in effect, if one is recorded.</param>
/// <param name="Last">When it last changed hands.</param>
/// <param name="Chart">The SVG chart of its value per unit by day.</param>
public sealed record PriceView(string Good, string Name, string Unit, int Handovers, decimal PerUnit, decimal? Kpw, DateTimeOffset Last, string Chart);
