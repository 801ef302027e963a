using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/rates: record a day's KPW/CNY rate (as <c>POST /api/rates</c> does: one per day and
/// place, a later one replaces it) and see the rates recorded. The rate may be typed with the
/// page culture's decimal separator or with a point.
/// </summary>
public sealed class RatesModel(UiText text, IMarketStore store, TimeProvider clock) : YaluPageModel(text)
{
    /// <summary>Won per yuan, as typed.</summary>
    [BindProperty]
    public string? Rate { get; set; }

    /// <summary>The day, yyyy-MM-dd (a date field); default today.</summary>
    [BindProperty]
    public string? Date { get; set; }

    /// <summary>The market; default Hyesan.</summary>
    [BindProperty]
    public string? Place { get; set; }

    /// <summary>Rates recorded, newest first.</summary>
    public IReadOnlyList<KpwRate> Rates { get; private set; } = [];

    /// <summary>What was just recorded (after the redirect).</summary>
    public string? Message { get; private set; }

    /// <summary>GET; <paramref name="recorded"/> is the day just recorded.</summary>
    public async Task OnGetAsync(string? recorded, CancellationToken cancellationToken)
    {
        Date = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Place = "Hyesan";
        await LoadAsync(cancellationToken);
        if (recorded is not null && Rates.FirstOrDefault(r => r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == recorded) is { } rate)
            Message = T.Format("Keeper.Rates.Recorded", UiFormat.Number(rate.KpwPerCny), UiFormat.Date(rate.Date));
    }

    /// <summary>POST: validate and record.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        string typed = (Rate ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        bool parsed = decimal.TryParse(typed, NumberStyles.Number, CultureInfo.CurrentCulture, out decimal rate)
            || decimal.TryParse(typed, NumberStyles.Number, CultureInfo.InvariantCulture, out rate);
        if (!parsed || rate <= 0 || rate > 1_000_000) ModelState.AddModelError(nameof(Rate), T["Keeper.Error.Rate"]);
        var date = Today;
        if (!string.IsNullOrWhiteSpace(Date) && !DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            ModelState.AddModelError(nameof(Date), T.Format("Keeper.Error.Date", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        string place = string.IsNullOrWhiteSpace(Place) ? "Hyesan" : Place.Trim();
        if (place.Length > 64) ModelState.AddModelError(nameof(Place), T["Keeper.Error.Place"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = 422;
            return Page();
        }
        await store.AddRateAsync(new KpwRate(date, rate, place), User.TraderId(), cancellationToken);
        return Redirect($"/keeper/rates?recorded={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rates = [.. (await store.ListRatesAsync(cancellationToken)).OrderByDescending(r => r.Date).Take(30)];
}
