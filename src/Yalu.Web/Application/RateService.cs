using System.Globalization;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>
/// Dated KPW/CNY rates, for <c>/api/rates</c> and the keeper's rates page alike: a rate in
/// (0, <see cref="KpwRate.MaxKpwPerCny"/>], a date as yyyy-MM-dd (today when missing), a place of at
/// most <see cref="KpwRate.MaxPlaceLength"/> characters (<see cref="KpwRate.DefaultPlace"/> when
/// missing). Thread-safe.
/// </summary>
public sealed class RateService(IMarketStore store, TimeProvider clock)
{
    /// <summary>Records a day's rate (replacing one of the same day and place); every invalid field is reported.</summary>
    public async Task<Outcome<KpwRate>> RecordAsync(TraderId keeper, decimal? kpwPerCny, string? date, string? place, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (kpwPerCny is not > 0 || kpwPerCny > KpwRate.MaxKpwPerCny)
            errors.Add(new("kpwPerCny", ErrorCodes.InvalidRate, $"a rate is positive and at most {KpwRate.MaxKpwPerCny.ToString(CultureInfo.InvariantCulture)}"));
        var day = Today;
        if (!string.IsNullOrWhiteSpace(date) && !DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            errors.Add(new("date", UseCaseCodes.OutOfRange, "a date is yyyy-MM-dd"));
        string where = string.IsNullOrWhiteSpace(place) ? KpwRate.DefaultPlace : place.Trim();
        if (where.Length > KpwRate.MaxPlaceLength) errors.Add(new("place", UseCaseCodes.OutOfRange, $"a place has 1 to {KpwRate.MaxPlaceLength} characters"));
        if (errors.Count > 0) return Outcome.Invalid<KpwRate>(errors);

        var rate = new KpwRate(day, kpwPerCny!.Value, where);
        await store.AddRateAsync(rate, keeper, cancellationToken);
        return Outcome.Ok(rate);
    }

    /// <summary>Every recorded rate, newest first.</summary>
    public async Task<IReadOnlyList<KpwRate>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ListRatesAsync(cancellationToken)).OrderByDescending(r => r.Date).ThenBy(r => r.Place, StringComparer.Ordinal)];

    /// <summary>The rate in effect today, or null.</summary>
    public async Task<KpwRate?> TodayAsync(CancellationToken cancellationToken = default) =>
        KpwRate.InEffect(await store.ListRatesAsync(cancellationToken), Today);

    /// <summary>Today (UTC) by the node's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
