using Yalu.Market.Catalog;

namespace Yalu.Web.Catalog;

/// <summary>A catalog good.</summary>
/// <param name="Id">The code, e.g. G01.</param>
/// <param name="Category">The category, e.g. grain.</param>
/// <param name="Names">Names in en/ko/zh.</param>
/// <param name="Unit">The unit a quantity is counted in, e.g. kg.</param>
/// <param name="PriceLow">Lowest plausible price per unit, CNY.</param>
/// <param name="PriceHigh">Highest plausible price per unit, CNY.</param>
public sealed record GoodResponse(string Id, string Category, GoodNames Names, string Unit, string PriceLow, string PriceHigh)
{
    /// <summary>The response for <paramref name="good"/>.</summary>
    public static GoodResponse From(Good good)
    {
        ArgumentNullException.ThrowIfNull(good);
        return new(good.Id.Value, good.Category.Value, new GoodNames(good.NameEn, good.NameKo, good.NameZh), good.Unit.Value,
            good.PriceLow.ToString(), good.PriceHigh.ToString());
    }
}
