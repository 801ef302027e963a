using Microsoft.AspNetCore.Mvc;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>
/// /status/{code}: the translated page a browser sees for an error status without a body on a page
/// path (re-executed by the status-code pages; the original status is kept). Reading it changes
/// nothing, so it needs no antiforgery token even when the failed request was a POST.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(UiText text) : YaluPageModel(text)
{
    /// <summary>The resource prefix of the status: Status.400, Status.403, Status.404, Status.429 or Status.Other.</summary>
    public string Key { get; private set; } = "Status.Other";

    /// <summary>Shows the message for <paramref name="code"/>.</summary>
    public void OnGet(int code) => Key = code is 400 or 403 or 404 or 429 ? "Status." + code : "Status.Other";

    /// <summary>The same for a failed POST.</summary>
    public void OnPost(int code) => OnGet(code);
}
