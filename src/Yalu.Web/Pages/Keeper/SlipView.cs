using Yalu.Market.Trading;
using Yalu.Web.Rounds;

namespace Yalu.Web.Pages.Keeper;

/// <summary>One trader's printed slip: in their own language, whatever the keeper reads.</summary>
/// <param name="Trader">Whose slip.</param>
/// <param name="Language">The trader's language, which the slip is printed in.</param>
/// <param name="Entries">What to give and receive, whom to meet, the handover codes.</param>
public sealed record SlipView(TraderRefResponse Trader, Language Language, IReadOnlyList<SlipEntryResponse> Entries);
