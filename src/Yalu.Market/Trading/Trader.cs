namespace Yalu.Market.Trading;

/// <summary>
/// A pseudonymous participant: a handle, a bank, a language, a role and a credit limit. By design
/// there is no place for a real name, phone number, IP address or user agent. The pass-phrase hash
/// is not part of the domain: the store keeps it apart. Immutable.
/// </summary>
public sealed record Trader
{
    /// <summary>Creates a trader; throws <see cref="ArgumentException"/> on an undefined enum value, a default handle or a negative credit limit.</summary>
    public Trader(TraderId id, Handle handle, Side side, Language language, Role role, Money creditLimit, DateTimeOffset createdAt)
    {
        if (id.Value == Guid.Empty) throw new ArgumentException("a trader needs an id", nameof(id));
        if (handle.Value is null) throw new ArgumentException("a trader needs a handle", nameof(handle));
        if (!Enum.IsDefined(side)) throw new ArgumentOutOfRangeException(nameof(side));
        if (!Enum.IsDefined(language)) throw new ArgumentOutOfRangeException(nameof(language));
        if (!Enum.IsDefined(role)) throw new ArgumentOutOfRangeException(nameof(role));
        if (creditLimit < Money.Zero) throw new ArgumentOutOfRangeException(nameof(creditLimit), "a credit limit is not negative");
        Id = id;
        Handle = handle;
        Side = side;
        Language = language;
        Role = role;
        CreditLimit = creditLimit;
        CreatedAt = createdAt;
    }

    /// <summary>The id.</summary>
    public TraderId Id { get; }

    /// <summary>The pseudonym, unique without regard to case.</summary>
    public Handle Handle { get; }

    /// <summary>The bank the trader trades from.</summary>
    public Side Side { get; private init; }

    /// <summary>Preferred language.</summary>
    public Language Language { get; private init; }

    /// <summary>Trader or keeper.</summary>
    public Role Role { get; private init; }

    /// <summary>How much the trader may owe in IOUs; zero by default.</summary>
    public Money CreditLimit { get; private init; }

    /// <summary>When the trader registered.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>A new trader with role <see cref="Role.Trader"/> and no credit, registered now.</summary>
    public static Trader Register(Handle handle, Side side, Language language, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new Trader(TraderId.New(clock), handle, side, language, Role.Trader, Money.Zero, clock.GetUtcNow());
    }

    /// <summary>The same trader with another language or side.</summary>
    public Trader WithProfile(Side side, Language language)
    {
        if (!Enum.IsDefined(side)) throw new ArgumentOutOfRangeException(nameof(side));
        if (!Enum.IsDefined(language)) throw new ArgumentOutOfRangeException(nameof(language));
        return this with { Side = side, Language = language };
    }

    /// <summary>The same trader with another role (a keeper's decision, never the trader's own).</summary>
    public Trader WithRole(Role role) =>
        Enum.IsDefined(role) ? this with { Role = role } : throw new ArgumentOutOfRangeException(nameof(role));

    /// <summary>The same trader with another credit limit; fails with <see cref="ErrorCodes.InvalidCreditLimit"/> when negative.</summary>
    public Result<Trader> WithCreditLimit(Money limit) =>
        limit < Money.Zero
            ? Result.Fail<Trader>(ErrorCodes.InvalidCreditLimit, "a credit limit is not negative")
            : Result.Ok(this with { CreditLimit = limit });
}
