namespace Yalu.Market.Graphs;

/// <summary>
/// An item that does not trade, why, and the single extra want that would let it trade.
/// </summary>
/// <param name="Item">The item.</param>
/// <param name="Reason">The first reason that applies.</param>
/// <param name="Suggest">
/// An item the owner could add to its want list: with that want, the item trades in every optimal
/// solution and nobody who trades now loses a trade (the added want closes a loop through items that
/// do not trade now). Null when no single want does that.
/// </param>
/// <param name="LoopSize">The size of that loop, when there is a suggestion.</param>
public sealed record UntradedItem(int Item, UntradedReason Reason, int? Suggest, int? LoopSize);
