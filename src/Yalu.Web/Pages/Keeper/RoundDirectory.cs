using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// The rounds this node has scheduled, newest first, read from the event log (the store keeps no
/// list of rounds; every round starts with a <c>round.scheduled</c> event). Reads the log in pages;
/// a market's log is small, and only keepers open these pages.
/// </summary>
internal static class RoundDirectory
{
    private const int Page = 1000;

    /// <summary>Up to <paramref name="max"/> rounds, newest first.</summary>
    public static async Task<IReadOnlyList<Round>> RecentAsync(IMarketStore store, int max, CancellationToken cancellationToken)
    {
        var ids = new List<RoundId>();
        long after = 0;
        while (true)
        {
            var events = await store.ReadEventsAsync(after, Page, cancellationToken);
            foreach (var e in events)
            {
                if (e.Kind == "round.scheduled" && RoundId.TryParse(e.Subject, out var id)) ids.Add(id);
            }
            if (events.Count < Page) break;
            after = events[^1].Seq;
        }
        var rounds = new List<Round>();
        for (int i = ids.Count - 1; i >= 0 && rounds.Count < max; i--)
        {
            if (await store.GetRoundAsync(ids[i], cancellationToken) is { } round) rounds.Add(round);
        }
        return rounds;
    }
}
