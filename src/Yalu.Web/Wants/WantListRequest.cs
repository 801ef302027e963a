namespace Yalu.Web.Wants;

/// <summary>The whole want list of one of my lots, best first (it replaces the previous one).</summary>
/// <param name="Entries">At most 200 entries; never my own lots.</param>
public sealed record WantListRequest(IReadOnlyList<WantEntryDto>? Entries);
