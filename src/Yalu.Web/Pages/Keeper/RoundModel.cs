using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Rounds;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// /keeper/rounds/{id}: while the round clears, its progress (a small script polls
/// <c>GET /api/rounds/{id}</c> and reloads when it is done; without script, a link reloads); then
/// its loops and chains with a picture of each, where the keeper confirms handovers and marks
/// no-shows through the same use case as <c>POST /api/legs/{id}/confirm|fail</c> (<see cref="LegService"/>).
/// </summary>
public sealed class RoundModel(UiText text, IMarketStore store, LegService legs, RoundScheduler queue, TimeProvider clock) : YaluPageModel(text)
{
    /// <summary>Money and quantities in the page's culture, KPW at today's rate.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>The round.</summary>
    public Round Round { get; private set; } = null!;

    /// <summary>What this process knows of its clearing (phase, percent, optimality), if anything.</summary>
    public RoundStatus? Status { get; private set; }

    /// <summary>The phase shown: queued … done, failed or interrupted.</summary>
    public string Phase { get; private set; } = "queued";

    /// <summary>0..100.</summary>
    public int Percent { get; private set; }

    /// <summary>Its loops and chains, once cleared.</summary>
    public IReadOnlyList<ExchangeView> Exchanges { get; private set; } = [];

    /// <summary>Every leg of the round, once cleared.</summary>
    public IReadOnlyList<Leg> Legs { get; private set; } = [];

    /// <summary>What the last confirmation or no-show did, or why it could not.</summary>
    public string? Message { get; private set; }

    /// <summary>Whether <see cref="Message"/> reports a failure.</summary>
    public bool MessageIsError { get; private set; }

    /// <summary>GET; <paramref name="confirmed"/> or <paramref name="failed"/> name the leg just changed (after a redirect), with <paramref name="reopened"/> lots.</summary>
    public async Task<IActionResult> OnGetAsync(string id, string? confirmed, string? failed, int? reopened, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFoundPage();
        if (confirmed is not null) Message = T.Format("Keeper.Leg.Confirmed", CodeOf(confirmed));
        else if (failed is not null) Message = T.Format("Keeper.Leg.Failed", CodeOf(failed), reopened ?? 0);
        return Page();
    }

    /// <summary>POST ?handler=confirm: the lot of <paramref name="leg"/> was handed over.</summary>
    public Task<IActionResult> OnPostConfirmAsync(string id, string leg, CancellationToken cancellationToken) =>
        ChangeAsync(id, leg, confirm: true, cancellationToken);

    /// <summary>POST ?handler=fail: a no-show on <paramref name="leg"/>; the rest of its exchange is released.</summary>
    public Task<IActionResult> OnPostFailAsync(string id, string leg, CancellationToken cancellationToken) =>
        ChangeAsync(id, leg, confirm: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string id, string leg, bool confirm, CancellationToken cancellationToken)
    {
        var changed = confirm
            ? await legs.ConfirmAsync(User.TraderId(), leg ?? "", cancellationToken)
            : await legs.FailAsync(User.TraderId(), leg ?? "", cancellationToken);
        if (changed.IsOk)
        {
            var change = changed.Value;
            string anchor = change.Legs.Length > 0 ? $"#x{change.Legs[0].Exchange}" : "";
            string query = confirm
                ? $"?confirmed={Uri.EscapeDataString(leg!)}"
                : $"?failed={Uri.EscapeDataString(leg!)}&reopened={change.Lots.Count(l => l.IsOpen)}";
            return Redirect($"/keeper/rounds/{Uri.EscapeDataString(id)}{query}{anchor}");
        }
        if (!await LoadAsync(id, cancellationToken)) return NotFoundPage();
        (Message, int status) = changed.Error?.Code switch
        {
            ErrorCodes.LegNotPending => (T["Keeper.Error.LegNotPending"], 409),
            UseCaseCodes.LegNotFound => (T["Keeper.Error.LegNotFound"], 404),
            _ => (T["Keeper.Error.Conflict"], 409),
        };
        MessageIsError = true;
        Response.StatusCode = status;
        return Page();
    }

    private static string CodeOf(string leg) => LegId.TryParse(leg, out var id) ? HandoverCode.Of(id) : "";

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!RoundId.TryParse(id, out var roundId) || await store.GetRoundAsync(roundId, cancellationToken) is not { } round) return false;
        Round = round;
        Format = new UiFormat(T, KpwRate.InEffect(await store.ListRatesAsync(cancellationToken), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        Status = queue.Status(round.Id);
        (Phase, Percent) = round.State switch
        {
            RoundState.Cleared => ("done", 100),
            RoundState.Failed => ("failed", 100),
            _ when Status is not null => (Status.Phase, Status.Percent),
            _ => ("interrupted", 0),
        };
        if (round.State != RoundState.Cleared) return true;

        Legs = await store.ListLegsAsync(round.Id, cancellationToken);
        var view = await RoundView.LoadAsync(store, cancellationToken);
        var loops = view.Loops(Legs);
        var exchanges = new List<ExchangeView>();
        foreach (var group in Legs.GroupBy(l => l.Exchange).OrderBy(g => g.Key))
        {
            var legs = group.OrderBy(l => l.Position).Select(l => view.Leg(l, UiCulture.Current))
                .Select(l => l with { Lot = DisplayNames.Named(l.Lot, view.Catalog, UiCulture.Current) }).ToList();
            bool isLoop = loops.Contains(group.Key);
            string name = T.Format(isLoop ? "Keeper.Round.Loop" : "Keeper.Round.Chain", group.Key + 1);
            string title = T.Format("Keeper.Round.PictureTitle", name,
                string.Join("; ", legs.Select(l => T.Format("Keeper.Round.LegText", l.Giver, l.Lot.Name, l.Receiver))));
            string picture = ExchangePicture.Draw(group.Key, isLoop, [.. legs.Select(l => new ExchangePicture.Leg(l.Giver, l.Receiver, l.State))], title);
            exchanges.Add(new ExchangeView(group.Key, isLoop, legs, picture));
        }
        Exchanges = exchanges;
        return true;
    }
}
