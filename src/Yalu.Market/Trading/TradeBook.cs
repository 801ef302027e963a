using System.Collections.Immutable;
using Yalu.Market.Credit;

namespace Yalu.Market.Trading;

/// <summary>
/// The lots and legs of a market, with the invariants that span them: a lot is in at most one
/// pending leg; a leg's lot is matched while the leg is pending; a withdrawn (or otherwise closed)
/// lot never gets a leg; legs are recorded all or none. Operations check everything before
/// changing anything and return the <see cref="TradeBookChange"/> a store writes in one transaction.
/// Not thread-safe.
/// </summary>
public sealed class TradeBook
{
    private readonly Dictionary<LotId, Lot> _lots = [];
    private readonly Dictionary<LegId, Leg> _legs = [];
    private readonly Dictionary<LotId, LegId> _pendingByLot = [];

    /// <summary>Loads lots and legs; throws <see cref="InvalidOperationException"/> when they break an invariant.</summary>
    public TradeBook(IEnumerable<Lot> lots, IEnumerable<Leg> legs)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(legs);
        foreach (var lot in lots)
            if (!_lots.TryAdd(lot.Id, lot)) throw new InvalidOperationException($"lot {lot.Id} appears twice");
        foreach (var leg in legs)
        {
            if (!_legs.TryAdd(leg.Id, leg)) throw new InvalidOperationException($"leg {leg.Id} appears twice");
            if (!_lots.TryGetValue(leg.Lot, out var lot)) throw new InvalidOperationException($"leg {leg.Id} names unknown lot {leg.Lot}");
            if (!leg.IsPending) continue;
            if (!_pendingByLot.TryAdd(leg.Lot, leg.Id)) throw new InvalidOperationException($"lot {leg.Lot} is in two pending legs");
            if (lot.State != LotState.Matched) throw new InvalidOperationException($"lot {leg.Lot} has a pending leg but is {lot.State}");
        }
    }

    /// <summary>The lot, or null.</summary>
    public Lot? Lot(LotId id) => _lots.GetValueOrDefault(id);

    /// <summary>The leg, or null.</summary>
    public Leg? Leg(LegId id) => _legs.GetValueOrDefault(id);

    /// <summary>The pending leg of a lot, or null.</summary>
    public Leg? PendingLegOf(LotId lot) => _pendingByLot.TryGetValue(lot, out var leg) ? _legs[leg] : null;

    /// <summary>Adds or replaces a lot that has no pending leg (a new lot, an edit).</summary>
    public Result<Lot> Put(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (_pendingByLot.ContainsKey(lot.Id) && lot.State != LotState.Matched)
            return Result.Fail<Lot>(ErrorCodes.LotInPendingLeg, $"lot {lot.Id} is in a pending leg");
        _lots[lot.Id] = lot;
        return Result.Ok(lot);
    }

    /// <summary>
    /// Records the legs of a cleared round, all or none: every leg pending, its lot known, open, in
    /// no pending leg, given by its owner, and no lot twice. Their lots become matched.
    /// </summary>
    public Result<TradeBookChange> Record(IReadOnlyList<Leg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var seen = new HashSet<LotId>();
        var matched = new List<Lot>(legs.Count);
        foreach (var leg in legs)
        {
            if (!leg.IsPending) return Fail(ErrorCodes.LegNotPending, $"leg {leg.Id} is {leg.State}, a new leg is pending");
            if (!_lots.TryGetValue(leg.Lot, out var lot)) return Fail(ErrorCodes.UnknownLot, $"there is no lot {leg.Lot}");
            if (!seen.Add(leg.Lot)) return Fail(ErrorCodes.LotTradedTwice, $"lot {leg.Lot} appears in two legs");
            if (_pendingByLot.ContainsKey(leg.Lot)) return Fail(ErrorCodes.LotInPendingLeg, $"lot {leg.Lot} is already in a pending leg");
            if (lot.Owner != leg.Giver) throw new InvalidOperationException($"leg {leg.Id}: the giver does not own lot {leg.Lot}");
            var next = lot.Match();
            if (!next.IsOk) return Result.Fail<TradeBookChange>(next.Error);
            matched.Add(next.Value);
        }
        foreach (var lot in matched) _lots[lot.Id] = lot;
        foreach (var leg in legs)
        {
            _legs.Add(leg.Id, leg);
            _pendingByLot.Add(leg.Lot, leg.Id);
        }
        return Result.Ok(new TradeBookChange([.. matched], [.. legs]));
    }

    /// <summary>
    /// A pending leg is handed over: the leg is confirmed, its lot handed over, and its ledger entry
    /// posted (<see cref="LedgerEntry.ForLeg"/>: the giver credited the lot's value, the receiver
    /// debited; a donated lot is credited to the pool; the first leg of a chain — an exchange with a
    /// donor lot — hands its lot to the pool, which is debited).
    /// </summary>
    public Result<TradeBookChange> Confirm(LegId id)
    {
        if (!_legs.TryGetValue(id, out var leg)) return Fail(ErrorCodes.UnknownLeg, $"there is no leg {id}");
        var confirmed = leg.Confirm();
        if (!confirmed.IsOk) return Result.Fail<TradeBookChange>(confirmed.Error);
        var lot = _lots[leg.Lot].HandOver().Value;
        _legs[id] = confirmed.Value;
        _lots[lot.Id] = lot;
        _pendingByLot.Remove(leg.Lot);
        bool chain = _legs.Values.Any(l => l.Round == leg.Round && l.Exchange == leg.Exchange && _lots[l.Lot].IsDonor);
        var entry = LedgerEntry.ForLeg(confirmed.Value, lot, poolReceives: chain && leg.Position == 0);
        return Result.Ok(new TradeBookChange([lot], [confirmed.Value]) { Entries = entry is null ? [] : [entry] });
    }

    /// <summary>
    /// A no-show: the leg fails, every other pending leg of its exchange is released, and the lots of
    /// those legs are open again for the next round. Legs already confirmed stay confirmed.
    /// </summary>
    public Result<TradeBookChange> Fail(LegId id)
    {
        if (!_legs.TryGetValue(id, out var leg)) return Fail(ErrorCodes.UnknownLeg, $"there is no leg {id}");
        var failed = leg.Fail();
        if (!failed.IsOk) return Result.Fail<TradeBookChange>(failed.Error);
        var legs = new List<Leg> { failed.Value };
        legs.AddRange(_legs.Values
            .Where(l => l.IsPending && l.Id != id && l.Round == leg.Round && l.Exchange == leg.Exchange)
            .OrderBy(l => l.Position)
            .Select(l => l.Release().Value));
        var lots = legs.Select(l => _lots[l.Lot].Reopen().Value).ToImmutableArray();
        foreach (var l in legs)
        {
            _legs[l.Id] = l;
            _pendingByLot.Remove(l.Lot);
        }
        foreach (var lot in lots) _lots[lot.Id] = lot;
        return Result.Ok(new TradeBookChange(lots, [.. legs]));
    }

    /// <summary>The owner takes an open lot back; a matched lot cannot be withdrawn.</summary>
    public Result<Lot> Withdraw(LotId id)
    {
        if (!_lots.TryGetValue(id, out var lot)) return Result.Fail<Lot>(ErrorCodes.UnknownLot, $"there is no lot {id}");
        var withdrawn = lot.Withdraw();
        if (withdrawn.IsOk) _lots[id] = withdrawn.Value;
        return withdrawn;
    }

    private static Result<TradeBookChange> Fail(string code, string message) => Result.Fail<TradeBookChange>(code, message);
}
