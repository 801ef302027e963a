using System.Globalization;
using Yalu.Market.Catalog;

namespace Yalu.Market.Trading;

/// <summary>
/// How much of a good a lot holds: a positive amount with at most three decimals, below one
/// billion, in a unit ("2 kg", "1 piece", "0.5 geun_600g").
/// </summary>
public readonly record struct Quantity
{
    /// <summary>The largest amount (exclusive).</summary>
    public const decimal Limit = 1_000_000_000m;

    private Quantity(decimal amount, UnitCode unit)
    {
        Amount = amount;
        Unit = unit;
    }

    /// <summary>The amount, positive.</summary>
    public decimal Amount { get; }

    /// <summary>The unit.</summary>
    public UnitCode Unit { get; }

    /// <summary>Validates; the error has code <see cref="ErrorCodes.InvalidQuantity"/>.</summary>
    public static Result<Quantity> Create(decimal amount, UnitCode unit)
    {
        if (unit.Value is null) return Result.Fail<Quantity>(ErrorCodes.InvalidQuantity, "a quantity needs a unit");
        if (amount <= 0 || amount >= Limit) return Result.Fail<Quantity>(ErrorCodes.InvalidQuantity, "a quantity is positive and below one billion");
        if (decimal.Round(amount, 3) != amount) return Result.Fail<Quantity>(ErrorCodes.InvalidQuantity, "a quantity has at most three decimals");
        return Result.Ok(new Quantity(amount, unit));
    }

    /// <summary>Like <see cref="Create"/>, throwing <see cref="ArgumentException"/> on invalid input.</summary>
    public static Quantity Of(decimal amount, string unit)
    {
        var result = Create(amount, UnitCode.Parse(unit));
        return result.IsOk ? result.Value : throw new ArgumentException(result.Error.Message, nameof(amount));
    }

    /// <summary>"2 kg", "0.5 piece".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.###} {Unit}");
}
