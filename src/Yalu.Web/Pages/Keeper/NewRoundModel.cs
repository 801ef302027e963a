using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Rounds;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/rounds/new: the round's parameters (cycle cap, chain cap, time limit, aim), then the same
/// start as <c>POST /api/rounds</c> (<see cref="RoundApi.Start"/>), and on to the round's page.
/// Fields keep what was typed; each error is shown next to its field in the keeper's language.
/// </summary>
public sealed class NewRoundModel(UiText text, IMarketStore store, RoundScheduler queue, TimeProvider clock) : YaluPageModel(text)
{
    /// <summary>The aims a round can clear for, in the order offered.</summary>
    public static IReadOnlyList<string> Objectives { get; } = ["count", "value", "preference", "essentials"];

    /// <summary>The most lots in one loop, as typed (2..6).</summary>
    [BindProperty]
    public string? CycleCap { get; set; }

    /// <summary>The most legs in one chain, as typed (0..10).</summary>
    [BindProperty]
    public string? ChainCap { get; set; }

    /// <summary>The engine's time limit in seconds, as typed (1..3600).</summary>
    [BindProperty]
    public string? TimeLimit { get; set; }

    /// <summary>count, value, preference or essentials.</summary>
    [BindProperty]
    public string? Objective { get; set; }

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
        int? cycle = Parse(CycleCap, 2, 6, nameof(CycleCap), "Keeper.Error.CycleCap");
        int? chain = Parse(ChainCap, 0, 10, nameof(ChainCap), "Keeper.Error.ChainCap");
        int? seconds = Parse(TimeLimit, 1, 3600, nameof(TimeLimit), "Keeper.Error.TimeLimit");
        if (Objective is null || !Objectives.Contains(Objective)) ModelState.AddModelError(nameof(Objective), T["Keeper.Error.Objective"]);
        if (!ModelState.IsValid) return Page();

        var started = await RoundApi.Start(new StartRoundRequest(cycle, chain, Objective, seconds), User, store, queue, clock, cancellationToken);
        switch (started.Result)
        {
            case Accepted<RoundResponse> accepted:
                return Redirect($"/keeper/rounds/{Uri.EscapeDataString(accepted.Value!.Id)}");
            case ProblemHttpResult problem when problem.StatusCode == 409:
                Problem = T["Keeper.Error.RoundRunning"];
                Response.StatusCode = 409;
                return Page();
            default:
                // The fields were checked above with the API's own ranges; anything else is the node's failure.
                throw new InvalidOperationException("starting a round failed: " + (started.Result as ProblemHttpResult)?.ProblemDetails.Detail);
        }
    }

    private int? Parse(string? text, int min, int max, string field, string error)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max) return value;
        ModelState.AddModelError(field, T[error]);
        return null;
    }
}
