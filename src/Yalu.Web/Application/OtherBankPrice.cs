using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>One good on the other bank's price bulletin, as the price board shows it.</summary>
/// <param name="GoodId">The good's code as the bulletin gives it.</param>
/// <param name="Good">The good in this node's catalog, or null when the catalog does not have that code.</param>
/// <param name="MedianPerUnit">The other bank's median value of one unit.</param>
/// <param name="Legs">How many lots of it changed hands there.</param>
public sealed record OtherBankPrice(GoodId GoodId, Good? Good, Money MedianPerUnit, int Legs);
