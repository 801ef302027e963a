using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>
/// /slip: my slip for the newest cleared round (whom to meet, what I hand over, what I receive, the
/// handover codes), and a notice while a round is being cleared.
/// </summary>
[RequireTrader]
public sealed class SlipModel(UiText text, IMarketStore store) : YaluPageModel(text)
{
    private const int RoundsLookedAt = 20;

    /// <summary>My slip, or null when no round was cleared yet.</summary>
    public SlipView? Slip { get; private set; }

    /// <summary>Whether a newer round is being cleared now.</summary>
    public bool Running { get; private set; }

    /// <summary>Reads the slip.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rounds = await store.ListRoundsAsync(RoundsLookedAt, cancellationToken);
        Running = rounds.Count > 0 && rounds[0].State is RoundState.Scheduled or RoundState.Running;
        var cleared = rounds.FirstOrDefault(r => r.State == RoundState.Cleared);
        if (cleared is null) return;
        Slip = (await SlipView.BuildAsync(store, cleared, [User.TraderId()], cancellationToken))[0];
    }
}
