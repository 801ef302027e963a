using Yalu.Web.Rounds;

namespace Yalu.Web.Pages.Keeper;

/// <summary>One loop or chain of a cleared round, as the keeper's round page shows it.</summary>
/// <param name="Index">The exchange's number within the round.</param>
/// <param name="IsLoop">A loop (else a chain from a donor lot).</param>
/// <param name="Legs">Its legs in receive order, the lots named in the keeper's language.</param>
/// <param name="Picture">The SVG drawing of it (markup made on the server, text escaped).</param>
public sealed record ExchangeView(int Index, bool IsLoop, IReadOnlyList<LegResponse> Legs, string Picture);
