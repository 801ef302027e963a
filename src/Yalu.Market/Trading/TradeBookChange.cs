using System.Collections.Immutable;

namespace Yalu.Market.Trading;

/// <summary>What one <see cref="TradeBook"/> operation changed: the lots and legs to write, all or none.</summary>
/// <param name="Lots">Lots in their new state.</param>
/// <param name="Legs">Legs in their new state.</param>
public sealed record TradeBookChange(ImmutableArray<Lot> Lots, ImmutableArray<Leg> Legs);
