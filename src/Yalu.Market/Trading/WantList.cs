using System.Collections.Immutable;
using Yalu.Market.Catalog;

namespace Yalu.Market.Trading;

/// <summary>
/// For one of my lots, what I would accept for it, best first. Entries are explicit lots or rules;
/// a round expands the rules (<see cref="RoundGraph"/>). Validated on creation: at most
/// <see cref="MaxEntries"/> entries, no entry twice, no lot of my own, no unknown lot, good or
/// category, and no want list for a donor lot (it asks nothing back). Immutable.
/// </summary>
public sealed record WantList
{
    /// <summary>The most entries a want list has.</summary>
    public const int MaxEntries = 200;

    private WantList(LotId lot, TraderId owner, ImmutableArray<WantEntry> entries)
    {
        Lot = lot;
        Owner = owner;
        Entries = entries;
    }

    /// <summary>The lot offered.</summary>
    public LotId Lot { get; }

    /// <summary>Its owner.</summary>
    public TraderId Owner { get; }

    /// <summary>The entries, best first (rank 1 is the first).</summary>
    public ImmutableArray<WantEntry> Entries { get; }

    /// <summary>
    /// Validates a want list for <paramref name="mine"/> set by <paramref name="by"/>.
    /// <paramref name="findLot"/> looks up the lots named by explicit entries (any state: a lot that
    /// is no longer open is simply not wanted at clearing time).
    /// </summary>
    public static Result<WantList> Create(
        TraderId by, Lot mine, IReadOnlyList<WantEntry> entries, Func<LotId, Lot?> findLot, MarketCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(findLot);
        ArgumentNullException.ThrowIfNull(catalog);
        if (mine.Owner != by) return Fail(ErrorCodes.NotYourLot, $"lot {mine.Id} is not yours");
        if (mine.IsDonor) return Fail(ErrorCodes.WantListForDonor, "a donor lot asks nothing back");
        if (entries.Count > MaxEntries) return Fail(ErrorCodes.WantListTooLong, $"a want list has at most {MaxEntries} entries");
        var seen = new HashSet<WantEntry>();
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (!seen.Add(entry)) return Fail(ErrorCodes.WantDuplicate, "the same entry appears twice");
            switch (entry.Kind)
            {
                case WantKind.Lot:
                    var lot = findLot(entry.Lot!.Value);
                    if (lot is null) return Fail(ErrorCodes.WantUnknownLot, $"there is no lot {entry.Lot}");
                    if (lot.Owner == by) return Fail(ErrorCodes.WantOwnLot, "a trader cannot want their own lot");
                    break;
                case WantKind.Good:
                    if (catalog.Find(entry.Good!.Value) is null) return Fail(ErrorCodes.WantUnknownGood, $"the catalog has no good {entry.Good}");
                    break;
                default:
                    if (!catalog.HasCategory(entry.Category!.Value)) return Fail(ErrorCodes.WantUnknownGood, $"the catalog has no category {entry.Category}");
                    break;
            }
        }
        return Result.Ok(new WantList(mine.Id, by, [.. entries]));
    }

    /// <summary>Rebuilds a want list read from a store, which validated it when it was set.</summary>
    public static WantList Restore(LotId lot, TraderId owner, IEnumerable<WantEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new WantList(lot, owner, [.. entries]);
    }

    private static Result<WantList> Fail(string code, string message) => Result.Fail<WantList>(code, message);
}
