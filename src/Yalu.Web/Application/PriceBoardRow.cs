using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>One good on the price board.</summary>
/// <param name="Good">The good.</param>
/// <param name="Legs">How many confirmed legs handed it over in the window.</param>
/// <param name="MedianValue">The median value of a lot of it.</param>
/// <param name="MedianPerUnit">The median value of one unit (kilogram, piece…).</param>
/// <param name="LastTraded">When it last changed hands.</param>
/// <param name="Days">The median per unit day by day, oldest first.</param>
public sealed record PriceBoardRow(Good Good, int Legs, Money MedianValue, Money MedianPerUnit, DateTimeOffset LastTraded, IReadOnlyList<PricePoint> Days);
