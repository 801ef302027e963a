using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>The price board: per good that changed hands since <paramref name="Since"/>, its realised values; and the rate in effect today.</summary>
/// <param name="Since">The start of the window.</param>
/// <param name="Rate">The KPW/CNY rate in effect today, or null when none is recorded.</param>
/// <param name="Rows">One row per good, by good code.</param>
public sealed record PriceBoard(DateTimeOffset Since, KpwRate? Rate, IReadOnlyList<PriceBoardRow> Rows);
