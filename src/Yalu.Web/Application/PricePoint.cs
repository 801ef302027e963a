using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>One day of a good on the price board: the median realised value of one unit that day.</summary>
/// <param name="Day">The day (UTC).</param>
/// <param name="MedianPerUnit">The median value of one unit over that day's confirmed legs.</param>
public sealed record PricePoint(DateOnly Day, Money MedianPerUnit);
