using Yalu.Market.Trading;

namespace Yalu.Web.Wants;

/// <summary>
/// One entry of a want list, exactly one of: <c>lot</c> (that lot), <c>good</c> (any open lot of that
/// good), or <c>category</c> with <c>minPercent</c> (any lot in that category worth at least that
/// percentage of mine, 1..1000).
/// </summary>
/// <param name="Lot">A lot id.</param>
/// <param name="Good">A good code.</param>
/// <param name="Category">A category.</param>
/// <param name="MinPercent">For a category: the least value as a percentage of my lot's (1..1000).</param>
public sealed record WantEntryDto(string? Lot, string? Good, string? Category, int? MinPercent)
{
    /// <summary>The DTO for <paramref name="entry"/>.</summary>
    public static WantEntryDto From(WantEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            WantKind.Lot => new(entry.Lot!.Value.ToString(), null, null, null),
            WantKind.Good => new(null, entry.Good!.Value.Value, null, null),
            _ => new(null, null, entry.Category!.Value.Value, entry.MinPercent),
        };
    }
}
