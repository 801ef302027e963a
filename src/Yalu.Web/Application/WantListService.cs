using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>
/// Want lists, for <c>/api/lots/{id}/wants</c> and the want-list page alike: only the lot's owner
/// reads or replaces one; <see cref="WantList.Create"/> decides what a list may hold, and only an
/// open lot's list changes. Thread-safe.
/// </summary>
public sealed class WantListService(IMarketStore store, LotService lots)
{
    /// <summary>The lot and its want list (null when it has none).</summary>
    public async Task<Outcome<(Lot Lot, WantList? Wants)>> GetAsync(TraderId owner, string lotId, CancellationToken cancellationToken = default)
    {
        var mine = await lots.FindMineAsync(owner, lotId, cancellationToken);
        if (!mine.IsOk) return mine.As<(Lot, WantList?)>();
        return Outcome.Ok((mine.Value, await store.GetWantListAsync(mine.Value.Id, cancellationToken)));
    }

    /// <summary>Replaces the want list of <paramref name="owner"/>'s open lot with <paramref name="entries"/>, best first.</summary>
    public async Task<Outcome<WantList>> SetAsync(TraderId owner, string lotId, IReadOnlyList<WantEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var mine = await lots.FindMineAsync(owner, lotId, cancellationToken);
        if (!mine.IsOk) return mine.As<WantList>();
        var lot = mine.Value;
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var named = new Dictionary<LotId, Lot?>();
        foreach (var e in entries.Where(e => e.Kind == WantKind.Lot)) named[e.Lot!.Value] = await store.GetLotAsync(e.Lot.Value, cancellationToken);
        var wants = WantList.Create(owner, lot, entries, l => named.GetValueOrDefault(l), catalog);
        if (!wants.IsOk) return Outcome.Fail<WantList>(wants.Error);
        if (!lot.IsOpen) return Outcome.Fail<WantList>(ErrorCodes.LotNotOpen, $"lot {lotId} is no longer open");
        await store.SetWantListAsync(wants.Value, owner, cancellationToken);
        return Outcome.Ok(wants.Value);
    }
}
