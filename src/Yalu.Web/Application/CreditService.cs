using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>
/// The credit ledger, for <c>/api/credit</c> and the credit pages alike: a trader's account
/// (balance, limit, entries, IOUs), the keeper's overview of every balance, and credit limits,
/// which only a keeper sets (each change an event). Thread-safe.
/// </summary>
public sealed class CreditService(IMarketStore store)
{
    /// <summary>How many entries an account shows.</summary>
    public const int EntriesShown = 100;

    /// <summary>The account of <paramref name="trader"/>.</summary>
    public async Task<Outcome<CreditAccount>> AccountAsync(TraderId trader, CancellationToken cancellationToken = default)
    {
        var me = await store.GetTraderAsync(trader, cancellationToken);
        if (me is null) return Outcome.Fail<CreditAccount>(UseCaseCodes.TraderNotFound, $"there is no trader {trader}");
        var balances = await store.GetBalancesAsync(cancellationToken);
        var entries = await store.ListLedgerAsync(trader, EntriesShown, cancellationToken);
        var ious = await store.ListIousAsync(trader, null, cancellationToken);
        var handles = (await store.ListTradersAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Handle.Value);
        return Outcome.Ok(new CreditAccount(me, balances.Of(trader), entries, ious, handles));
    }

    /// <summary>Every trader's balance and limit, the pool's balance and the total.</summary>
    public async Task<LedgerOverview> OverviewAsync(CancellationToken cancellationToken = default) =>
        new(await store.ListTradersAsync(cancellationToken), await store.GetBalancesAsync(cancellationToken));

    /// <summary>
    /// Sets the credit limit of the trader with <paramref name="handle"/> to <paramref name="limit"/>
    /// (a non-negative amount like 50.00); invalid fields <c>handle</c> and <c>limit</c>, all at once.
    /// </summary>
    public async Task<Outcome<Trader>> SetLimitAsync(TraderId keeper, string? handle, string? limit, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        Trader? trader = null;
        if (string.IsNullOrWhiteSpace(handle)) errors.Add(new("handle", UseCaseCodes.Required, "a trader's handle is required"));
        else if (Handle.Create(handle.Trim()) is not { IsOk: true } parsed || (trader = await store.FindTraderAsync(parsed.Value, cancellationToken)) is null)
            errors.Add(new("handle", UseCaseCodes.TraderNotFound, $"there is no trader '{handle}'"));
        var amount = Money.Zero;
        if (string.IsNullOrWhiteSpace(limit)) errors.Add(new("limit", UseCaseCodes.Required, "a limit is required, e.g. 50.00"));
        else if (!Money.TryParse(limit.Trim(), out amount)) errors.Add(new("limit", ErrorCodes.InvalidMoney, $"'{limit}' is not an amount like 50.00"));
        else if (amount < Money.Zero) errors.Add(new("limit", ErrorCodes.InvalidCreditLimit, "a credit limit is not negative"));
        if (errors.Count > 0) return Outcome.Invalid<Trader>(errors);
        return Outcome.From(await store.SetCreditLimitAsync(trader!.Id, amount, keeper, cancellationToken));
    }
}
