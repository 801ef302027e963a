using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>/keeper: the market at a glance (traders, open lots, want lists, today's rate) and the last rounds.</summary>
public sealed class IndexModel(UiText text, IMarketStore store, TimeProvider clock) : YaluPageModel(text)
{
    /// <summary>Traders who are not keepers.</summary>
    public int Traders { get; private set; }

    /// <summary>Open lots.</summary>
    public int OpenLots { get; private set; }

    /// <summary>Open donor lots.</summary>
    public int DonorLots { get; private set; }

    /// <summary>Open lots with a want list.</summary>
    public int WantLists { get; private set; }

    /// <summary>Want entries over all open want lists.</summary>
    public int Wants { get; private set; }

    /// <summary>The KPW/CNY rate in effect today, if any.</summary>
    public KpwRate? Rate { get; private set; }

    /// <summary>The most recent rounds, newest first, each with its legs.</summary>
    public IReadOnlyList<(Round Round, IReadOnlyList<Leg> Legs)> Rounds { get; private set; } = [];

    /// <summary>GET.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var traders = await store.ListTradersAsync(cancellationToken);
        Traders = traders.Count(t => t.Role != Role.Keeper);
        var open = await store.ListLotsAsync(LotState.Open, cancellationToken);
        OpenLots = open.Count;
        DonorLots = open.Count(l => l.IsDonor);
        var wants = await store.ListOpenWantListsAsync(cancellationToken);
        WantLists = wants.Count(w => w.Entries.Length > 0);
        Wants = wants.Sum(w => w.Entries.Length);
        Rate = KpwRate.InEffect(await store.ListRatesAsync(cancellationToken), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var rounds = new List<(Round, IReadOnlyList<Leg>)>();
        foreach (var round in await store.ListRoundsAsync(5, cancellationToken))
            rounds.Add((round, round.State == RoundState.Cleared ? await store.ListLegsAsync(round.Id, cancellationToken) : []));
        Rounds = rounds;
    }
}
