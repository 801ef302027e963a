using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Ui;

/// <summary>The round a trader's slip is about: the newest round the keeper started.</summary>
public static class CurrentRound
{
    /// <summary>The newest round, or null when none was ever started.</summary>
    public static async Task<Round?> LatestAsync(IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rounds = await store.ListRoundsAsync(1, cancellationToken);
        return rounds.Count > 0 ? rounds[0] : null;
    }
}
