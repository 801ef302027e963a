using Yalu.Web.Rates;

namespace Yalu.Web.Prices;

/// <summary>The price board: medians of realised values per good over recent confirmed legs, with the rate in effect.</summary>
/// <param name="Since">The start of the window.</param>
/// <param name="Rate">The KPW/CNY rate in effect today, or null when none was recorded.</param>
/// <param name="Goods">One row per good that traded in the window, by code.</param>
/// <param name="OtherBank">The other bank's prices from its newest imported bulletin, or null when none was imported.</param>
public sealed record PriceBoardResponse(DateTimeOffset Since, RateResponse? Rate, IReadOnlyList<PriceRow> Goods, OtherBankResponse? OtherBank);
