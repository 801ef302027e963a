using System.Globalization;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Ui;

/// <summary>
/// Numbers, money, quantities and dates for a page, in the current culture. Money is CNY (the
/// market's unit of account); with the rate of the day it also shows the KPW amount.
/// Stateless apart from the rate; one per request.
/// </summary>
/// <param name="text">The page's strings (units and currency words are translated).</param>
/// <param name="rate">The KPW/CNY rate in effect today, or null when the keeper has recorded none.</param>
public sealed class UiFormat(UiText text, KpwRate? rate)
{
    /// <summary>A formatter with the rate in effect today (the node's clock, UTC date).</summary>
    public static async Task<UiFormat> TodayAsync(UiText text, IMarketStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var rates = await store.ListRatesAsync(cancellationToken);
        return new UiFormat(text, KpwRate.InEffect(rates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>The rate in effect today, or null.</summary>
    public KpwRate? Rate => rate;

    /// <summary>An amount in CNY, e.g. "12.50 CNY" / "12.50 元".</summary>
    public string Cny(Money amount) =>
        text.Format("Money.Cny", (amount.Fen / 100m).ToString("N2", CultureInfo.CurrentCulture));

    /// <summary>An amount in KPW at today's rate, e.g. "≈ 61,500 KPW"; empty when there is no rate.</summary>
    public string Kpw(Money amount) => rate is null
        ? ""
        : text.Format("Money.Kpw", rate.ToKpw(amount).ToString("N0", CultureInfo.CurrentCulture));

    /// <summary>CNY and, when there is a rate, KPW: "12.50 CNY (≈ 61,500 KPW)".</summary>
    public string Money(Money amount) => rate is null ? Cny(amount) : Cny(amount) + " (" + Kpw(amount) + ")";

    /// <summary>A number with up to three decimals in the current culture.</summary>
    public static string Number(decimal value) => value.ToString("#,0.###", CultureInfo.CurrentCulture);

    /// <summary>A quantity with its translated unit, e.g. "2.5 kg" / "2.5 킬로그람".</summary>
    public string Quantity(Quantity quantity) => text.Format("Unit." + quantity.Unit.Value, Number(quantity.Amount));

    /// <summary>The translated name of a unit (for a form's label).</summary>
    public string UnitName(UnitCode unit) => text["UnitName." + unit.Value];

    /// <summary>A date in the current culture's short form.</summary>
    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A moment as a local date and time in the current culture (the node's time zone).</summary>
    public static string DateTime(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);
}
