using Yalu.Market.Trading;

namespace Yalu.Market.Catalog;

/// <summary>
/// A good of the catalog: its code, category, names in the three languages, unit and the plausible
/// price range per unit (from the market surveys the demo catalog cites).
/// </summary>
public sealed record Good
{
    /// <summary>Creates a good; throws <see cref="ArgumentException"/> on an empty name or a range with low above high or below zero.</summary>
    public Good(GoodId id, CategoryId category, string nameEn, string nameKo, string nameZh, UnitCode unit, Money priceLow, Money priceHigh)
    {
        if (id.Value is null) throw new ArgumentException("a good needs a code", nameof(id));
        if (category.Value is null) throw new ArgumentException("a good needs a category", nameof(category));
        if (unit.Value is null) throw new ArgumentException("a good needs a unit", nameof(unit));
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameKo);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZh);
        if (priceLow < Money.Zero || priceLow > priceHigh)
            throw new ArgumentException($"price range {priceLow}..{priceHigh} is not 0 <= low <= high", nameof(priceLow));
        Id = id;
        Category = category;
        NameEn = nameEn;
        NameKo = nameKo;
        NameZh = nameZh;
        Unit = unit;
        PriceLow = priceLow;
        PriceHigh = priceHigh;
    }

    /// <summary>The code, e.g. G01.</summary>
    public GoodId Id { get; }

    /// <summary>The category, e.g. grain.</summary>
    public CategoryId Category { get; }

    /// <summary>English name.</summary>
    public string NameEn { get; }

    /// <summary>Korean name (North Korean form first).</summary>
    public string NameKo { get; }

    /// <summary>Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The unit a quantity of this good is counted in.</summary>
    public UnitCode Unit { get; }

    /// <summary>Lowest plausible price per unit.</summary>
    public Money PriceLow { get; }

    /// <summary>Highest plausible price per unit.</summary>
    public Money PriceHigh { get; }

    /// <summary>The name in <paramref name="language"/>.</summary>
    public string Name(Language language) => language switch
    {
        Language.Ko => NameKo,
        Language.Zh => NameZh,
        _ => NameEn,
    };
}
