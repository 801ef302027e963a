using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>
/// /register: a handle, a pass phrase and a bank; nothing else. The same checks as the API; the
/// page's language becomes the trader's. Limited node-wide like the API's registration
/// (<see cref="PageRegistrationLimiter"/>: only sending the form counts).
/// </summary>
public sealed class RegisterModel(UiText text, TraderService traders, IOptions<YaluWebOptions> options, PageRegistrationLimiter limiter)
    : YaluPageModel(text)
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["handle"] = nameof(Handle), ["passPhrase"] = nameof(PassPhrase), ["side"] = nameof(Side), ["language"] = "",
    };

    /// <summary>The handle typed.</summary>
    [BindProperty]
    public string? Handle { get; set; }

    /// <summary>The pass phrase typed (not shown again after an error).</summary>
    [BindProperty]
    public string? PassPhrase { get; set; }

    /// <summary>hyesan or changbai.</summary>
    [BindProperty]
    public string? Side { get; set; }

    /// <summary>The fewest characters of a pass phrase.</summary>
    public int MinLength => options.Value.MinPassPhraseLength;

    /// <summary>Registers, then sends the new trader to log in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var registration = traders.Check(Handle?.Trim(), PassPhrase, Side ?? "hyesan", Wire.Of(UiCulture.Current));
        PassPhrase = null;
        ModelState.Remove(nameof(PassPhrase));
        if (!registration.IsOk)
        {
            foreach (var error in registration.Fields) AddError(error, Fields, MinLength);
            return Page();
        }
        if (!limiter.TryTake())
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            AddError("", "rate-limited");
            return Page();
        }
        var added = await traders.RegisterAsync(registration.Value, cancellationToken);
        if (!added.IsOk)
        {
            AddError(nameof(Handle), added.Error?.Code == ErrorCodes.HandleTaken ? "handle-taken" : "failed");
            return Page();
        }
        return LocalRedirect(PagePaths.Login + "?registered=true");
    }
}
