using Yalu.Market.Catalog;

namespace Yalu.Market.Trading;

/// <summary>One good on a price bulletin.</summary>
/// <param name="Good">The good's catalog code.</param>
/// <param name="MedianPerUnit">The median realised value of one unit.</param>
/// <param name="Legs">How many lots of it changed hands in the bulletin's window.</param>
public sealed record BulletinLine(GoodId Good, Money MedianPerUnit, int Legs);
