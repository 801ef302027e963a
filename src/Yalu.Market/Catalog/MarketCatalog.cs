using System.Collections.Immutable;

namespace Yalu.Market.Catalog;

/// <summary>The goods a market trades, by code. Immutable and thread-safe.</summary>
public sealed class MarketCatalog
{
    private readonly ImmutableDictionary<GoodId, Good> _byId;

    /// <summary>Creates a catalog; throws <see cref="ArgumentException"/> when a code appears twice.</summary>
    public MarketCatalog(IEnumerable<Good> goods)
    {
        ArgumentNullException.ThrowIfNull(goods);
        var list = goods.ToImmutableArray();
        var builder = ImmutableDictionary.CreateBuilder<GoodId, Good>();
        foreach (var good in list)
        {
            if (!builder.TryAdd(good.Id, good)) throw new ArgumentException($"good {good.Id} appears twice", nameof(goods));
        }
        _byId = builder.ToImmutable();
        Goods = list;
    }

    /// <summary>An empty catalog.</summary>
    public static MarketCatalog Empty { get; } = new([]);

    /// <summary>The goods, in the order given.</summary>
    public ImmutableArray<Good> Goods { get; }

    /// <summary>The good with code <paramref name="id"/>, or null.</summary>
    public Good? Find(GoodId id) => _byId.GetValueOrDefault(id);

    /// <summary>Whether any good is in <paramref name="category"/>.</summary>
    public bool HasCategory(CategoryId category) => Goods.Any(g => g.Category == category);
}
