using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Credit;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/credit: the ledger (every balance, the pool, the total, which is always zero), credit
/// limits (as <c>PUT /api/credit/limits/{handle}</c>) and the set-off of the accepted IOUs (as
/// <c>POST /api/setoff</c>) with the runs so far.
/// </summary>
public sealed class KeeperCreditModel(UiText text, CreditService credit, SetoffService setoff, IMarketStore store, TimeProvider clock) : YaluPageModel(text)
{
    private static readonly Dictionary<string, string> Fields = new() { ["handle"] = nameof(Handle), ["limit"] = nameof(Limit) };

    /// <summary>The trader whose limit is set.</summary>
    [BindProperty]
    public string? Handle { get; set; }

    /// <summary>The limit, as typed.</summary>
    [BindProperty]
    public string? Limit { get; set; }

    /// <summary>Balances and limits.</summary>
    public LedgerOverview Overview { get; private set; } = null!;

    /// <summary>The newest set-off runs.</summary>
    public IReadOnlyList<SetoffRun> Runs { get; private set; } = [];

    /// <summary>Money in the page's language.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>What was just done.</summary>
    public string? Message { get; private set; }

    /// <summary>GET; <paramref name="limit"/> names the trader whose limit was just set, <paramref name="run"/> a set-off just posted.</summary>
    public async Task OnGetAsync(string? limit, string? run, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (limit is not null && Overview.Traders.FirstOrDefault(t => t.Handle.Value == limit) is { } trader)
            Message = T.Format("Keeper.Credit.LimitSet", trader.Handle.Value, Format.Cny(trader.CreditLimit));
        if (run is not null && Runs.FirstOrDefault(r => r.Id.ToString("D") == run) is { } posted)
            Message = T.Format("Keeper.Setoff.Done", Format.Cny(posted.Cleared), Format.Cny(posted.Total), Format.Cny(posted.Remaining));
    }

    /// <summary>POST: set a limit.</summary>
    public async Task<IActionResult> OnPostLimitAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var set = await credit.SetLimitAsync(User.TraderId(), Handle, Limit, cancellationToken);
        if (set.IsOk) return LocalRedirect("/keeper/credit?limit=" + Uri.EscapeDataString(set.Value.Handle.Value));
        foreach (var error in set.Fields) AddError(error, Fields);
        if (set.Error is { } e) AddError(nameof(Handle), e.Code);
        await LoadAsync(cancellationToken);
        Response.StatusCode = 422;
        return Page();
    }

    /// <summary>POST: run the set-off over the accepted IOUs and post it.</summary>
    public async Task<IActionResult> OnPostSetoffAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var run = await setoff.RunAsync(User.TraderId(), cancellationToken);
        if (run.IsOk) return LocalRedirect("/keeper/credit?run=" + run.Value.Run.Id.ToString("D"));
        AddError("", run.Error?.Code ?? "failed");
        await LoadAsync(cancellationToken);
        Response.StatusCode = 409;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Format = await UiFormat.TodayAsync(T, store, clock, cancellationToken);
        Overview = await credit.OverviewAsync(cancellationToken);
        Runs = await setoff.ListAsync(cancellationToken);
    }
}
