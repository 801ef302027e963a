using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>A confirmed handover, as the price board reads it: the good, the lot's value and when its round finished.</summary>
/// <param name="Good">The good handed over.</param>
/// <param name="Value">The lot's estimated value in CNY.</param>
/// <param name="Quantity">How much was handed over.</param>
/// <param name="At">When its round finished.</param>
public sealed record RealisedLeg(GoodId Good, Money Value, Quantity Quantity, DateTimeOffset At);
