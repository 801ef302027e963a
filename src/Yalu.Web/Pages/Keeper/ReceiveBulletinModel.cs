using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yalu.Formats;
using Yalu.Formats.Bulletins;
using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/bulletin/receive: type in (or paste) a bulletin received from the other bank. Checking
/// marks every line intact or wrong, with the reason in the page's language, and keeps what was
/// typed; an intact bulletin gets an import button, which imports it through
/// <see cref="BulletinService.ImportAsync"/> as <c>yalu bulletin import</c> does.
/// </summary>
public sealed class ReceiveBulletinModel(UiText text, BulletinService bulletins) : YaluPageModel(text)
{
    /// <summary>The bulletin as typed.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The check of <see cref="Text"/>, once checked.</summary>
    public BulletinCheck? Check { get; private set; }

    /// <summary>What the last import did (after the redirect), or an error; null otherwise.</summary>
    public string? Message { get; private set; }

    /// <summary>Whether <see cref="Message"/> is an error.</summary>
    public bool MessageIsError { get; private set; }

    /// <summary>GET; after an import, <paramref name="market"/>, <paramref name="date"/>, <paramref name="status"/> and <paramref name="shown"/> say what it did.</summary>
    public void OnGet(string? market, string? date, string? status, string? shown)
    {
        if (market is null || date is null || !Wire.TryParseSide(market, Side.Hyesan, out var side) || !TryDate(date, out var day)
            || !Enum.TryParse<BulletinImportStatus>(status, ignoreCase: false, out var done) || !Enum.IsDefined(done))
            return;
        string bank = T["Side." + Wire.Of(side)];
        Message = done switch
        {
            BulletinImportStatus.AlreadyImported => T.Format("Keeper.Receive.Already", bank, UiFormat.Date(day)),
            BulletinImportStatus.Replaced => T.Format("Keeper.Receive.Replaced", bank, UiFormat.Date(day)),
            BulletinImportStatus.OlderThanShown when TryDate(shown, out var newer) => T.Format("Keeper.Receive.Older", bank, UiFormat.Date(day), UiFormat.Date(newer)),
            _ => T.Format("Keeper.Receive.Imported", bank, UiFormat.Date(day)),
        };
    }

    /// <summary>POST: check what was typed and mark its lines.</summary>
    public IActionResult OnPost()
    {
        if (TooLong()) return Refused();
        Check = BulletinService.Check(Text ?? "", "form");
        if (!Check.Intact) Response.StatusCode = 422;
        return Page();
    }

    /// <summary>POST ?handler=import: import the typed bulletin (checked again: it may have been changed since).</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (TooLong()) return Refused();
        var imported = await bulletins.ImportAsync(User.TraderId(), Text ?? "", "form", cancellationToken);
        if (imported.IsOk)
        {
            var done = imported.Value;
            return Redirect($"/keeper/bulletin/receive?market={Wire.Of(done.Bulletin.Market)}&date={Iso(done.Bulletin.Date)}&status={done.Status}&shown={Iso(done.Shown)}");
        }
        Check = BulletinService.Check(Text ?? "", "form");
        if (imported.Error is { Code: UseCaseCodes.BulletinOwnMarket })
        {
            Message = T.Format("Keeper.Receive.OwnMarket", T["Side." + Wire.Of(bulletins.Market)]);
            MessageIsError = true;
        }
        Response.StatusCode = 422;
        return Page();
    }

    /// <summary>The reason a line is wrong, in the page's language.</summary>
    public string Reason(FormatDiagnostic problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return T["Keeper.Receive.Problem." + problem.Code];
    }

    private bool TooLong() => Text is { Length: > BulletinService.MaxTextLength };

    private PageResult Refused()
    {
        Message = T.Format("Keeper.Receive.TooLong", BulletinService.MaxTextLength.ToString("N0", CultureInfo.CurrentCulture));
        MessageIsError = true;
        Response.StatusCode = 422;
        return Page();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
