using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/rates: record a day's KPW/CNY rate (as <c>POST /api/rates</c> does: one per day and
/// place, a later one replaces it) and see the rates recorded. The rate may be typed with the
/// page culture's decimal separator or with a point.
/// </summary>
public sealed class RatesModel(UiText text, RateService rates) : YaluPageModel(text)
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
        Date = rates.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Place = KpwRate.DefaultPlace;
        await LoadAsync(cancellationToken);
        if (recorded is not null && Rates.FirstOrDefault(r => r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == recorded) is { } rate)
            Message = T.Format("Keeper.Rates.Recorded", UiFormat.Number(rate.KpwPerCny), UiFormat.Date(rate.Date));
    }

    /// <summary>POST: validate and record.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        string typed = (Rate ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        // Typed text becomes a number here (either the page's or the invariant decimal mark); its range is the service's.
        decimal? rate = decimal.TryParse(typed, NumberStyles.Number, CultureInfo.CurrentCulture, out decimal parsed)
            || decimal.TryParse(typed, NumberStyles.Number, CultureInfo.InvariantCulture, out parsed) ? parsed : null;
        var recorded = await rates.RecordAsync(User.TraderId(), rate, Date, Place, cancellationToken);
        if (recorded.IsOk) return Redirect($"/keeper/rates?recorded={recorded.Value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        foreach (var error in recorded.Fields)
        {
            switch (error.Field)
            {
                case "kpwPerCny": ModelState.AddModelError(nameof(Rate), T["Keeper.Error.Rate"]); break;
                case "date": ModelState.AddModelError(nameof(Date), T.Format("Keeper.Error.Date", rates.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))); break;
                default: ModelState.AddModelError(nameof(Place), T["Keeper.Error.Place"]); break;
            }
        }
        await LoadAsync(cancellationToken);
        Response.StatusCode = 422;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rates = [.. (await rates.ListAsync(cancellationToken)).Take(30)];
}
