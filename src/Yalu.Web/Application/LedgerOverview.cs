using Yalu.Market.Credit;
using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>The keeper's view of the ledger: every trader with balance and limit, the pool, and the total (always zero).</summary>
/// <param name="Traders">Every trader, by handle.</param>
/// <param name="Balances">The balances from the ledger.</param>
public sealed record LedgerOverview(IReadOnlyList<Trader> Traders, LedgerBalances Balances)
{
    /// <summary>The sum of every balance, the pool's included.</summary>
    public Money Total => Balances.Total;
}
