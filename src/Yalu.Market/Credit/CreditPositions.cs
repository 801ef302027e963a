using System.Collections.Immutable;
using Yalu.Market.Graphs;
using Yalu.Market.Trading;

namespace Yalu.Market.Credit;

/// <summary>
/// What a credit round must respect: each trader's projected balance — the ledger balance plus the
/// entries their pending legs will post when handed over — and from it each trader's floor in the
/// round's graph. Pure; thread-safe.
/// </summary>
public static class CreditPositions
{
    /// <summary>
    /// Balances plus the entries pending legs would post if every one were confirmed (the same rule
    /// as <see cref="TradeBook.Confirm"/>): so two rounds cannot together take a trader past the limit
    /// while the first round's handovers are still to come.
    /// </summary>
    /// <param name="balances">The ledger's balances.</param>
    /// <param name="legs">Every leg of the rounds that still have pending legs (whole exchanges, so chains are recognised).</param>
    /// <param name="lots">The lots, by id.</param>
    public static ImmutableDictionary<TraderId, Money> Projected(LedgerBalances balances, IEnumerable<Leg> legs, IReadOnlyDictionary<LotId, Lot> lots)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(lots);
        var all = legs.ToList();
        var chains = all.Where(l => lots[l.Lot].IsDonor).Select(l => (l.Round, l.Exchange)).ToHashSet();
        var projected = balances.Traders.ToBuilder();
        foreach (var leg in all.Where(l => l.IsPending))
        {
            var entry = LedgerEntry.ForLeg(leg, lots[leg.Lot], poolReceives: leg.Position == 0 && chains.Contains((leg.Round, leg.Exchange)));
            if (entry is null) continue;
            if (entry.Credit is { } credit) projected[credit] = projected.GetValueOrDefault(credit) + entry.Amount;
            if (entry.Debit is { } debit) projected[debit] = projected.GetValueOrDefault(debit) - entry.Amount;
        }
        return projected.ToImmutable();
    }

    /// <summary>
    /// The credit constraint of a round's graph: each item's lot value, and each trader's floor
    /// min(0, −(limit + projected balance)) — the most their net change in value may fall, so that
    /// nobody ends below minus their limit, and nobody already below it goes further down.
    /// </summary>
    public static CreditConstraint Constraint(MarketGraph market, IEnumerable<Trader> traders, IEnumerable<Lot> lots, IReadOnlyDictionary<TraderId, Money> projected)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(traders);
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(projected);
        var graph = market.Graph;
        var byHandle = traders.ToDictionary(t => t.Handle.Value, StringComparer.Ordinal);
        var values = lots.ToDictionary(l => l.Id, l => l.Value.Fen);
        var itemValues = new long[graph.ItemCount];
        for (int i = 0; i < graph.ItemCount; i++)
            itemValues[i] = market.LotOf(i) is { } lot ? values[lot] : 0;
        var floors = new long[graph.UserCount];
        for (int u = 0; u < graph.UserCount; u++)
        {
            var trader = byHandle[graph.UserName(u)];
            var room = trader.CreditLimit + projected.GetValueOrDefault(trader.Id);
            floors[u] = Math.Min(0, (-room).Fen);
        }
        return new CreditConstraint([.. itemValues], [.. floors], market.Encoding == GroupEncoding.SideConstraint ? market.Groups : []);
    }
}
