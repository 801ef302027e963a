using Yalu.Web.Catalog;

namespace Yalu.Web.Prices;

/// <summary>One good on the other bank's bulletin.</summary>
/// <param name="Good">The good's code.</param>
/// <param name="Names">Its names in en/ko/zh, or null when this node's catalog lacks the code.</param>
/// <param name="Unit">Its unit, or null when this node's catalog lacks the code.</param>
/// <param name="MedianPerUnit">The other bank's median value per unit, CNY.</param>
/// <param name="Legs">How many lots of it changed hands there.</param>
public sealed record OtherBankRow(string Good, GoodNames? Names, string? Unit, string MedianPerUnit, int Legs);
