namespace Yalu.Web.Credit;

/// <summary>A trader's credit: balance (negative: owes the market), limit, newest entries and IOUs.</summary>
/// <param name="Handle">The trader.</param>
/// <param name="Balance">Credited minus debited, "-12.50".</param>
/// <param name="Limit">The credit limit, "50.00".</param>
/// <param name="Entries">The newest entries, newest first.</param>
/// <param name="Ious">The trader's IOUs, newest first.</param>
public sealed record AccountResponse(string Handle, string Balance, string Limit, IReadOnlyList<EntryResponse> Entries, IReadOnlyList<IouResponse> Ious);
