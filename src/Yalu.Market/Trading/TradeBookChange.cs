using System.Collections.Immutable;
using Yalu.Market.Credit;

namespace Yalu.Market.Trading;

/// <summary>What one <see cref="TradeBook"/> operation changed: the lots and legs to write, and the ledger entries to post, all or none.</summary>
/// <param name="Lots">Lots in their new state.</param>
/// <param name="Legs">Legs in their new state.</param>
public sealed record TradeBookChange(ImmutableArray<Lot> Lots, ImmutableArray<Leg> Legs)
{
    /// <summary>The ledger entries the change posts (a confirmed leg's, see <see cref="LedgerEntry.ForLeg"/>); empty by default.</summary>
    public ImmutableArray<LedgerEntry> Entries { get; init; } = [];
}
