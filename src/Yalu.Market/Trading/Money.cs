using System.Globalization;

namespace Yalu.Market.Trading;

/// <summary>
/// An amount in the market's unit of account, CNY, held exactly in fen (1/100 yuan) as a
/// <see cref="long"/>. Arithmetic is checked: an overflow throws <see cref="OverflowException"/>
/// instead of wrapping. Text form: "12.34", "-0.50" (always two decimals, '.' separator).
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>Creates an amount of <paramref name="fen"/> fen.</summary>
    public Money(long fen) => Fen = fen;

    /// <summary>The amount in fen.</summary>
    public long Fen { get; }

    /// <summary>Zero yuan.</summary>
    public static Money Zero => default;

    /// <summary>The amount in yuan as a double, for weights and charts (never for bookkeeping).</summary>
    public double Yuan => Fen / 100.0;

    /// <summary>Whole yuan.</summary>
    public static Money FromYuan(long yuan) => new(checked(yuan * 100));

    /// <summary>Parses "12", "12.3", "12.34" or "-12.34" (at most two decimals, '.' only).</summary>
    public static Result<Money> Create(string? text)
    {
        if (TryParse(text, out var money)) return Result.Ok(money);
        return Result.Fail<Money>(ErrorCodes.InvalidMoney, $"'{text}' is not an amount like 12.34");
    }

    /// <summary>Parses like <see cref="Create"/>; false on anything else or on overflow.</summary>
    public static bool TryParse(string? text, out Money money)
    {
        money = default;
        if (string.IsNullOrEmpty(text) || text.Length > 24) return false;
        var span = text.AsSpan();
        bool negative = span[0] == '-';
        if (negative) span = span[1..];
        int dot = span.IndexOf('.');
        var whole = dot < 0 ? span : span[..dot];
        var fraction = dot < 0 ? [] : span[(dot + 1)..];
        if (whole.IsEmpty || (dot >= 0 && (fraction.IsEmpty || fraction.Length > 2))) return false;
        foreach (char c in whole) if (!char.IsAsciiDigit(c)) return false;
        foreach (char c in fraction) if (!char.IsAsciiDigit(c)) return false;
        if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out long yuan)) return false;
        long fen = fraction.Length switch
        {
            0 => 0,
            1 => (fraction[0] - '0') * 10,
            _ => ((fraction[0] - '0') * 10) + (fraction[1] - '0'),
        };
        try
        {
            // Accumulate on the signed side, so the most negative amount parses too.
            long total = negative ? checked(-(yuan * 100) - fen) : checked((yuan * 100) + fen);
            money = new Money(total);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Parses like <see cref="Create"/>; throws <see cref="FormatException"/> on bad input.</summary>
    public static Money Parse(string text) =>
        TryParse(text, out var money) ? money : throw new FormatException($"'{text}' is not an amount like 12.34");

    /// <summary>"12.34" (invariant, two decimals).</summary>
    public override string ToString()
    {
        ulong abs = Fen < 0 ? (ulong)(-(Fen + 1)) + 1 : (ulong)Fen;
        string sign = Fen < 0 ? "-" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 100}.{abs % 100:00}");
    }

    /// <summary>Checked sum.</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    /// <summary>Checked difference.</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    /// <summary>Checked negation.</summary>
    public static Money operator -(Money value) => new(checked(-value.Fen));

    /// <summary>Checked multiple.</summary>
    public static Money operator *(Money left, long right) => new(checked(left.Fen * right));

    /// <summary>Checked sum (named alternative of +).</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Checked difference (named alternative of -).</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Checked negation (named alternative of unary -).</summary>
    public static Money Negate(Money value) => -value;

    /// <summary>Checked multiple (named alternative of *).</summary>
    public static Money Multiply(Money left, long right) => left * right;

    /// <inheritdoc/>
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Less than.</summary>
    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    /// <summary>Greater than.</summary>
    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;
}
