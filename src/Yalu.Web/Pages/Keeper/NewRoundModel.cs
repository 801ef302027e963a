using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Rounds;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/rounds/new: the round's parameters (cycle cap, chain cap, time limit, aim), then the same
/// start as <c>POST /api/rounds</c> (<see cref="RoundService"/>, whose limits are checked there), and on to the round's page.
/// Fields keep what was typed; each error is shown next to its field in the keeper's language.
/// </summary>
public sealed class NewRoundModel(UiText text, RoundService rounds) : YaluPageModel(text)
{
    /// <summary>The aims a round can clear for, in the order offered.</summary>
    public static IReadOnlyList<string> Objectives { get; } = ["count", "value", "preference", "essentials"];

    /// <summary>The most lots in one loop, as typed (<see cref="RoundParameters.MinCycleCap"/>..<see cref="RoundParameters.MaxCycleCap"/>).</summary>
    [BindProperty]
    public string? CycleCap { get; set; }

    /// <summary>The most legs in one chain, as typed (<see cref="RoundParameters.MinChainCap"/>..<see cref="RoundParameters.MaxChainCap"/>).</summary>
    [BindProperty]
    public string? ChainCap { get; set; }

    /// <summary>The engine's time limit in seconds, as typed (<see cref="RoundParameters.MinTimeLimitSeconds"/>..<see cref="RoundParameters.MaxTimeLimitSeconds"/>).</summary>
    [BindProperty]
    public string? TimeLimit { get; set; }

    /// <summary>count, value, preference or essentials.</summary>
    [BindProperty]
    public string? Objective { get; set; }

    /// <summary>Whether credit limits bind the round (the checkbox; default off).</summary>
    [BindProperty]
    public bool Credit { get; set; }

    /// <summary>A problem not tied to one field (another round is clearing).</summary>
    public string? Problem { get; private set; }

    /// <summary>GET: the defaults of <see cref="RoundParameters.Default"/>.</summary>
    public void OnGet()
    {
        var d = RoundParameters.Default;
        CycleCap = d.CycleCap.ToString(CultureInfo.InvariantCulture);
        ChainCap = d.ChainCap.ToString(CultureInfo.InvariantCulture);
        TimeLimit = ((int)d.TimeLimit.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        Objective = RoundWire.Of(d.Objective);
    }

    /// <summary>POST: validate, start, and go to the round.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        // Text that is not a whole number is the page's to refuse; every range is the service's.
        int? cycle = Parse(CycleCap, nameof(CycleCap));
        int? chain = Parse(ChainCap, nameof(ChainCap));
        int? seconds = Parse(TimeLimit, nameof(TimeLimit));
        if (string.IsNullOrEmpty(Objective)) AddFieldError(nameof(Objective));
        var request = new RoundRequest(cycle ?? int.MinValue, chain ?? int.MinValue, Objective ?? "", seconds ?? int.MinValue, Credit);
        var started = ModelState.IsValid ? await rounds.StartAsync(User.TraderId(), request, cancellationToken) : null;
        if (started is null || started.Fields.Count > 0)
        {
            foreach (var error in started?.Fields ?? RoundService.Check(request).Fields) AddFieldError(PageFields[error.Field]);
            return Page();
        }
        if (started.IsOk) return Redirect($"/keeper/rounds/{Uri.EscapeDataString(started.Value.Id.ToString())}");
        if (started.Error?.Code != UseCaseCodes.RoundRunning) throw new InvalidOperationException("starting a round failed: " + started.Error?.Message);
        Problem = T["Keeper.Error.RoundRunning"];
        Response.StatusCode = 409;
        return Page();
    }

    private static readonly Dictionary<string, string> PageFields = new(StringComparer.Ordinal)
    {
        ["cycleCap"] = nameof(CycleCap), ["chainCap"] = nameof(ChainCap), ["timeLimitSeconds"] = nameof(TimeLimit), ["objective"] = nameof(Objective),
    };

    private int? Parse(string? text, string field)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)) return value;
        AddFieldError(field);
        return null;
    }

    private void AddFieldError(string field)
    {
        if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) return;
        (int min, int max) = field switch
        {
            nameof(CycleCap) => (RoundParameters.MinCycleCap, RoundParameters.MaxCycleCap),
            nameof(ChainCap) => (RoundParameters.MinChainCap, RoundParameters.MaxChainCap),
            _ => (RoundParameters.MinTimeLimitSeconds, RoundParameters.MaxTimeLimitSeconds),
        };
        ModelState.AddModelError(field, T.Format("Keeper.Error." + field, UiFormat.Number(min), UiFormat.Number(max)));
    }
}
