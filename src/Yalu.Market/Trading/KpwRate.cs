namespace Yalu.Market.Trading;

/// <summary>
/// A dated market rate: how many North Korean won (KPW) one yuan (CNY) fetched on a day at a place.
/// The won moves fast (the CNY rate tripled in 18 months), so rates are always dated, never one fixed rate.
/// </summary>
public sealed record KpwRate
{
    /// <summary>The largest rate a keeper may record: a typing slip of a few zeros is refused, any real rate is not.</summary>
    public const decimal MaxKpwPerCny = 1_000_000m;

    /// <summary>The longest place name.</summary>
    public const int MaxPlaceLength = 64;

    /// <summary>The place a rate is recorded for when none is named.</summary>
    public const string DefaultPlace = "Hyesan";

    /// <summary>Creates a rate; throws <see cref="ArgumentOutOfRangeException"/> when not positive or a place is longer than <see cref="MaxPlaceLength"/>.</summary>
    public KpwRate(DateOnly date, decimal kpwPerCny, string place)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kpwPerCny);
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(place.Length, MaxPlaceLength, nameof(place));
        Date = date;
        KpwPerCny = kpwPerCny;
        Place = place;
    }

    /// <summary>The day of the survey.</summary>
    public DateOnly Date { get; }

    /// <summary>KPW for one CNY.</summary>
    public decimal KpwPerCny { get; }

    /// <summary>Where (e.g. Hyesan).</summary>
    public string Place { get; }

    /// <summary>The rate in effect on <paramref name="date"/>: the latest dated on or before it, or null.</summary>
    public static KpwRate? InEffect(IEnumerable<KpwRate> rates, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return rates.Where(r => r.Date <= date).MaxBy(r => r.Date);
    }

    /// <summary><paramref name="amount"/> in KPW at this rate, rounded to whole won.</summary>
    public decimal ToKpw(Money amount) => decimal.Round(amount.Fen * KpwPerCny / 100m, 0, MidpointRounding.AwayFromZero);
}
