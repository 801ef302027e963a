using System.Collections.Immutable;
using Yalu.Market.Trading;

namespace Yalu.Market.Credit;

/// <summary>
/// Every account's balance, computed from the ledger's entries: a trader's balance is what they
/// have been credited minus what they have been debited (negative: they owe the market), the pool's
/// likewise. Because every entry credits one account what it debits another, <see cref="Total"/>
/// is always zero. Immutable.
/// </summary>
public sealed class LedgerBalances
{
    private LedgerBalances(ImmutableDictionary<TraderId, Money> traders, Money pool)
    {
        Traders = traders;
        Pool = pool;
    }

    /// <summary>No entries.</summary>
    public static LedgerBalances Empty { get; } = new(ImmutableDictionary<TraderId, Money>.Empty, Money.Zero);

    /// <summary>The balance of every trader with an entry.</summary>
    public ImmutableDictionary<TraderId, Money> Traders { get; }

    /// <summary>The pool's balance.</summary>
    public Money Pool { get; }

    /// <summary>The sum of every balance, the pool's included (checked arithmetic): zero for any set of entries.</summary>
    public Money Total => Traders.Values.Aggregate(Pool, (sum, m) => sum + m);

    /// <summary>A trader's balance (zero without entries).</summary>
    public Money Of(TraderId trader) => Traders.GetValueOrDefault(trader);

    /// <summary>Balances from entries (checked arithmetic: an overflow throws).</summary>
    public static LedgerBalances From(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var traders = new Dictionary<TraderId, Money>();
        var pool = Money.Zero;
        foreach (var entry in entries)
        {
            Add(entry.Credit, entry.Amount);
            Add(entry.Debit, -entry.Amount);
        }
        return new LedgerBalances(traders.ToImmutableDictionary(), pool);

        void Add(TraderId? account, Money amount)
        {
            if (account is { } t) traders[t] = traders.GetValueOrDefault(t) + amount;
            else pool += amount;
        }
    }

    /// <summary>Balances as stored (the store sums per account in SQL).</summary>
    public static LedgerBalances Of(IReadOnlyDictionary<TraderId, Money> traders, Money pool)
    {
        ArgumentNullException.ThrowIfNull(traders);
        return new LedgerBalances(traders.ToImmutableDictionary(), pool);
    }
}
