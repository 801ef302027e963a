using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>
/// The price board: per good that changed hands since <paramref name="Since"/>, its realised values;
/// the rate in effect today; and the other bank's prices from its newest imported bulletin.
/// </summary>
/// <param name="Since">The start of the window.</param>
/// <param name="Rate">The KPW/CNY rate in effect today, or null when none is recorded.</param>
/// <param name="Rows">One row per good, by good code.</param>
/// <param name="OtherBank">The other bank's newest imported bulletin, or null when none was imported.</param>
public sealed record PriceBoard(DateTimeOffset Since, KpwRate? Rate, IReadOnlyList<PriceBoardRow> Rows, OtherBankPrices? OtherBank);
