using Microsoft.AspNetCore.Mvc;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Credit;

/// <summary>
/// /credit: my balance, my credit limit, my IOUs (accept or decline the ones proposed to me), what
/// set-off runs cancelled, and my ledger entries (<see cref="CreditService"/>, <see cref="IouService"/>).
/// </summary>
[RequireTrader]
public sealed class CreditModel(UiText text, CreditService credit, IouService ious, IMarketStore store, TimeProvider clock) : YaluPageModel(text)
{
    /// <summary>My account.</summary>
    public CreditAccount Account { get; private set; } = null!;

    /// <summary>Money in the page's language.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>What was just done (after the redirect).</summary>
    public string? Message { get; private set; }

    /// <summary>GET; <paramref name="done"/> is proposed, accepted or declined.</summary>
    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (done is "proposed" or "accepted" or "declined") Message = T["Credit.Done." + done];
        return await LoadAsync(cancellationToken) ? Page() : NotFoundPage();
    }

    /// <summary>The debtor accepts IOU <paramref name="id"/>.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(string? id, CancellationToken cancellationToken) =>
        await AfterAsync(await ious.AcceptAsync(User.TraderId(), id, cancellationToken), "accepted", cancellationToken);

    /// <summary>Either party declines IOU <paramref name="id"/>.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(string? id, CancellationToken cancellationToken) =>
        await AfterAsync(await ious.DeclineAsync(User.TraderId(), id, cancellationToken), "declined", cancellationToken);

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.IsOk) return LocalRedirect("/credit?done=" + done);
        AddError("", outcome.Error?.Code ?? "failed", Market.Credit.Iou.MaxMemoLength);
        await LoadAsync(cancellationToken);
        Response.StatusCode = 409;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Format = await UiFormat.TodayAsync(T, store, clock, cancellationToken);
        var account = await credit.AccountAsync(User.TraderId(), cancellationToken);
        if (!account.IsOk) return false;
        Account = account.Value;
        return true;
    }
}
