using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Lots;

/// <summary>/lots: my lots in every state, newest first, with their want-list size; withdraw an open one.</summary>
[RequireTrader]
public sealed class MyLotsModel(UiText text, IMarketStore store, LotService lots, TimeProvider clock) : YaluPageModel(text)
{
    /// <summary>One of my lots.</summary>
    /// <param name="Lot">The lot.</param>
    /// <param name="Good">Its good, or null when the catalog lost it.</param>
    /// <param name="Wants">How many entries its want list has.</param>
    public sealed record Row(Lot Lot, Good? Good, int Wants);

    /// <summary>My lots.</summary>
    public IReadOnlyList<Row> Lots { get; private set; } = [];

    /// <summary>Money and units in the page's language.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>A lot was just withdrawn.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Withdrawn { get; set; }

    /// <summary>Lists my lots.</summary>
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Withdraws my open lot <paramref name="id"/>.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string? id, CancellationToken cancellationToken)
    {
        var withdrawn = await lots.WithdrawAsync(User.TraderId(), id ?? "", cancellationToken);
        if (withdrawn.IsOk) return LocalRedirect("/lots?withdrawn=true");
        AddError("", withdrawn.Error!.Code);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.TraderId();
        var catalog = await store.GetCatalogAsync(cancellationToken);
        Format = await UiFormat.TodayAsync(T, store, clock, cancellationToken);
        var rows = new List<Row>();
        foreach (var lot in (await lots.MineAsync(me, cancellationToken)).OrderByDescending(l => l.CreatedAt))
        {
            int wants = lot.IsOpen ? (await store.GetWantListAsync(lot.Id, cancellationToken))?.Entries.Length ?? 0 : 0;
            rows.Add(new Row(lot, catalog.Find(lot.Good), wants));
        }
        Lots = rows;
    }
}
