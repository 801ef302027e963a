using Yalu.Web.Catalog;

namespace Yalu.Web.Prices;

/// <summary>One good on the price board.</summary>
/// <param name="Good">The good's code.</param>
/// <param name="Names">Its names in en/ko/zh.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Legs">How many confirmed legs the medians are over.</param>
/// <param name="MedianValue">Median value of a lot handed over, CNY.</param>
/// <param name="MedianPerUnit">Median value per unit, CNY.</param>
/// <param name="MedianPerUnitKpw">The same in KPW at the rate in effect, or null without a rate.</param>
/// <param name="LastTraded">When the latest of those legs' rounds finished.</param>
public sealed record PriceRow(string Good, GoodNames Names, string Unit, int Legs, string MedianValue, string MedianPerUnit, decimal? MedianPerUnitKpw, DateTimeOffset LastTraded);
