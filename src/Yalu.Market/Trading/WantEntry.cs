using Yalu.Market.Catalog;

namespace Yalu.Market.Trading;

/// <summary>
/// One entry of a want list: an explicit lot, or a rule that a round expands into explicit wants
/// ("any open lot of good X", "any lot in category Y worth at least P % of mine").
/// Create with <see cref="ForLot"/>, <see cref="ForGood"/> or <see cref="ForCategory"/>.
/// </summary>
public sealed record WantEntry
{
    private WantEntry(WantKind kind, LotId? lot, GoodId? good, CategoryId? category, int minPercent)
    {
        Kind = kind;
        Lot = lot;
        Good = good;
        Category = category;
        MinPercent = minPercent;
    }

    /// <summary>What the entry names.</summary>
    public WantKind Kind { get; }

    /// <summary>The lot, for <see cref="WantKind.Lot"/>.</summary>
    public LotId? Lot { get; }

    /// <summary>The good, for <see cref="WantKind.Good"/>.</summary>
    public GoodId? Good { get; }

    /// <summary>The category, for <see cref="WantKind.Category"/>.</summary>
    public CategoryId? Category { get; }

    /// <summary>For <see cref="WantKind.Category"/>: the least value, as a percentage of my lot's value (1..1000); 0 otherwise.</summary>
    public int MinPercent { get; }

    /// <summary>"This lot".</summary>
    public static WantEntry ForLot(LotId lot) => new(WantKind.Lot, lot, null, null, 0);

    /// <summary>"Any open lot of this good".</summary>
    public static WantEntry ForGood(GoodId good) => new(WantKind.Good, null, good, null, 0);

    /// <summary>"Any open lot in this category worth at least <paramref name="minPercent"/> % of mine" (1..1000).</summary>
    public static Result<WantEntry> ForCategory(CategoryId category, int minPercent) =>
        minPercent is < 1 or > 1000
            ? Result.Fail<WantEntry>(ErrorCodes.InvalidPercent, "a percentage is between 1 and 1000")
            : Result.Ok(new WantEntry(WantKind.Category, null, null, category, minPercent));

    /// <summary>Whether <paramref name="candidate"/> matches this entry for my lot <paramref name="mine"/>, ignoring state and ownership.</summary>
    public bool Matches(Lot mine, Lot candidate, MarketCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(catalog);
        switch (Kind)
        {
            case WantKind.Lot:
                return candidate.Id == Lot;
            case WantKind.Good:
                return candidate.Good == Good;
            default:
                if (catalog.Find(candidate.Good)?.Category != Category) return false;
                // candidate >= mine * P / 100, in integers: no rounding, overflow checked.
                return checked(candidate.Value.Fen * 100) >= checked(mine.Value.Fen * MinPercent);
        }
    }
}
