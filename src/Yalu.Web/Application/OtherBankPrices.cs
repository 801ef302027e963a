using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>The other bank's prices as its newest imported bulletin gives them.</summary>
/// <param name="Market">The other bank's market.</param>
/// <param name="Date">The bulletin's date.</param>
/// <param name="KpwPerCny">The rate on the bulletin, or null when it gave none.</param>
/// <param name="ImportedAt">When this node imported it.</param>
/// <param name="Goods">One entry per good, in the bulletin's order.</param>
public sealed record OtherBankPrices(Side Market, DateOnly Date, decimal? KpwPerCny, DateTimeOffset ImportedAt, IReadOnlyList<OtherBankPrice> Goods)
{
    /// <summary>The entry for <paramref name="good"/>, or null.</summary>
    public OtherBankPrice? Find(Market.Catalog.GoodId good) => Goods.FirstOrDefault(g => g.GoodId == good);
}
