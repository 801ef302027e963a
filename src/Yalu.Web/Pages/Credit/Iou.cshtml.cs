using Microsoft.AspNetCore.Mvc;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Credit;

/// <summary>/credit/iou: record that a trader owes me an amount (<see cref="IouService.ProposeAsync"/>); they accept or decline on their credit page.</summary>
[RequireTrader]
public sealed class IouModel(UiText text, IouService ious) : YaluPageModel(text)
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["debtor"] = nameof(Debtor), ["amount"] = nameof(Amount), ["memo"] = nameof(Memo),
    };

    /// <summary>Who owes me (handle).</summary>
    [BindProperty]
    public string? Debtor { get; set; }

    /// <summary>How much, as typed.</summary>
    [BindProperty]
    public string? Amount { get; set; }

    /// <summary>A note for the two of us.</summary>
    [BindProperty]
    public string? Memo { get; set; }

    /// <summary>POST: check every field and record the IOU.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var proposed = await ious.ProposeAsync(User.TraderId(), new IouDraft(Debtor, Amount, Memo), cancellationToken);
        if (proposed.IsOk) return LocalRedirect("/credit?done=proposed");
        foreach (var error in proposed.Fields) AddError(error, Fields, Market.Credit.Iou.MaxMemoLength);
        if (proposed.Error is { } e) AddError("", e.Code);
        Response.StatusCode = 422;
        return Page();
    }
}
