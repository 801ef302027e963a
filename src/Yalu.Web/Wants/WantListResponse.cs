namespace Yalu.Web.Wants;

/// <summary>The want list of a lot, best first.</summary>
/// <param name="Lot">The lot offered.</param>
/// <param name="Entries">What its owner would take for it, best first (empty when none was set).</param>
public sealed record WantListResponse(string Lot, IReadOnlyList<WantEntryDto> Entries);
