using Yalu.Market.Trading;

namespace Yalu.Market.Credit;

/// <summary>
/// A keeper's set-off run over the accepted IOUs: how many it looked at, their total remaining
/// debt, how much it cancelled and how much is left (<see cref="Remaining"/> = total − cleared).
/// What each IOU lost is in the run's ledger entries. Immutable.
/// </summary>
public sealed record SetoffRun
{
    /// <summary>Creates a run; throws on negative figures or cleared above total.</summary>
    public SetoffRun(Guid id, TraderId keeper, DateTimeOffset at, int obligations, Money total, Money cleared)
    {
        if (id == Guid.Empty) throw new ArgumentException("a run needs an id", nameof(id));
        ArgumentOutOfRangeException.ThrowIfNegative(obligations);
        if (total < Money.Zero || cleared < Money.Zero || cleared > total) throw new ArgumentOutOfRangeException(nameof(cleared), "0 ≤ cleared ≤ total");
        Id = id;
        Keeper = keeper;
        At = at;
        Obligations = obligations;
        Total = total;
        Cleared = cleared;
    }

    /// <summary>The id (a version-7 GUID).</summary>
    public Guid Id { get; }

    /// <summary>The keeper who ran it.</summary>
    public TraderId Keeper { get; }

    /// <summary>When it ran.</summary>
    public DateTimeOffset At { get; }

    /// <summary>How many accepted IOUs it looked at.</summary>
    public int Obligations { get; }

    /// <summary>Their total remaining debt before the run.</summary>
    public Money Total { get; }

    /// <summary>How much the run cancelled.</summary>
    public Money Cleared { get; }

    /// <summary>What is left: total − cleared.</summary>
    public Money Remaining => Total - Cleared;
}
