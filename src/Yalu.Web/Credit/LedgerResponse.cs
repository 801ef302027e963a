namespace Yalu.Web.Credit;

/// <summary>Every balance: each trader's with their limit, the pool's, and the total (always "0.00").</summary>
/// <param name="Traders">Each trader, by handle.</param>
/// <param name="Pool">The market pool's balance.</param>
/// <param name="Total">The sum of every balance, the pool's included.</param>
public sealed record LedgerResponse(IReadOnlyList<BalanceResponse> Traders, string Pool, string Total);
