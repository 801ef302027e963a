using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Auth;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Lots;

/// <summary>
/// /lots/{id}/wants: the want list of one of my open lots, best first. Search the open lots by kind
/// and add one; move entries up and down; remove; add a rule ("any lot of pine nuts", "any seafood
/// worth at least 80 % of mine"). Every change is saved at once through the same
/// <see cref="WantList.Create"/> checks as <c>PUT /api/lots/{id}/wants</c>.
/// </summary>
[RequireTrader]
public sealed class WantsModel(UiText text, IMarketStore store, WantListService wantLists, TimeProvider clock) : YaluPageModel(text)
{
    private const int MaxResults = 40;
    private MarketCatalog _catalog = MarketCatalog.Empty;
    private Dictionary<LotId, Lot> _lots = [];
    private Dictionary<TraderId, Trader> _traders = [];

    /// <summary>My lot.</summary>
    public Lot Lot { get; private set; } = null!;

    /// <summary>Its want list, best first.</summary>
    public IReadOnlyList<WantEntry> Entries { get; private set; } = [];

    /// <summary>The catalog's categories.</summary>
    public IReadOnlyList<CategoryId> Categories { get; private set; } = [];

    /// <summary>The catalog's goods.</summary>
    public IReadOnlyList<Good> AllGoods { get; private set; } = [];

    /// <summary>The open lots found by the search, or null when nothing was searched.</summary>
    public IReadOnlyList<Lot>? Results { get; private set; }

    /// <summary>Money and units in the page's language.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>The kind searched for ("" for any).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>Words searched for in the goods' names (any of the three languages) and the lots' notes.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The lot was just posted.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Posted { get; set; }

    /// <summary>The list was just saved.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    /// <summary>The good of a new good rule.</summary>
    [BindProperty]
    public string? RuleGood { get; set; }

    /// <summary>The category of a new category rule.</summary>
    [BindProperty]
    public string? RuleCategory { get; set; }

    /// <summary>The percentage of a new category rule (default 100).</summary>
    [BindProperty]
    public string? MinPercent { get; set; } = "100";

    /// <summary>Shows the list and, when <see cref="Kind"/> is given, the search.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    /// <summary>Moves entry <paramref name="i"/> one place up or down.</summary>
    public Task<IActionResult> OnPostMoveAsync(string id, int i, bool up, CancellationToken cancellationToken) =>
        ChangeAsync(id, entries =>
        {
            int j = up ? i - 1 : i + 1;
            if (i < 0 || i >= entries.Count || j < 0 || j >= entries.Count) return true;
            (entries[i], entries[j]) = (entries[j], entries[i]);
            return true;
        }, cancellationToken);

    /// <summary>Removes entry <paramref name="i"/>.</summary>
    public Task<IActionResult> OnPostRemoveAsync(string id, int i, CancellationToken cancellationToken) =>
        ChangeAsync(id, entries =>
        {
            if (i >= 0 && i < entries.Count) entries.RemoveAt(i);
            return true;
        }, cancellationToken);

    /// <summary>Adds the open lot <paramref name="lot"/> at the end.</summary>
    public Task<IActionResult> OnPostAddLotAsync(string id, string? lot, CancellationToken cancellationToken) =>
        ChangeAsync(id, entries =>
        {
            if (!LotId.TryParse(lot, out var wanted))
            {
                AddError("", ErrorCodes.WantUnknownLot);
                return false;
            }
            entries.Add(WantEntry.ForLot(wanted));
            return true;
        }, cancellationToken);

    /// <summary>Adds the rule "any lot of <see cref="RuleGood"/>".</summary>
    public Task<IActionResult> OnPostAddGoodAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, entries =>
        {
            if (!GoodId.TryParse(RuleGood, out var good))
            {
                AddError(nameof(RuleGood), string.IsNullOrEmpty(RuleGood) ? "required" : ErrorCodes.WantUnknownGood);
                return false;
            }
            entries.Add(WantEntry.ForGood(good));
            return true;
        }, cancellationToken, nameof(RuleGood));

    /// <summary>Adds the rule "any lot of <see cref="RuleCategory"/> worth at least <see cref="MinPercent"/> % of mine".</summary>
    public Task<IActionResult> OnPostAddCategoryAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, entries =>
        {
            bool ok = true;
            if (!CategoryId.IsValid(RuleCategory))
            {
                AddError(nameof(RuleCategory), string.IsNullOrEmpty(RuleCategory) ? "required" : ErrorCodes.WantUnknownGood);
                ok = false;
            }
            if (!int.TryParse(MinPercent, NumberStyles.Integer, CultureInfo.CurrentCulture, out int percent))
            {
                AddError(nameof(MinPercent), ErrorCodes.InvalidPercent);
                return false;
            }
            var rule = WantEntry.ForCategory(ok ? CategoryId.Parse(RuleCategory!) : CategoryId.Grain, percent);
            if (!rule.IsOk)
            {
                AddError(nameof(MinPercent), rule.Error.Code);
                return false;
            }
            if (ok) entries.Add(rule.Value);
            return ok;
        }, cancellationToken, nameof(RuleCategory));

    /// <summary>A lot as "icon name — quantity".</summary>
    public string Describe(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var good = _catalog.Find(lot.Good);
        string name = good is null ? lot.Good.Value : GoodDisplay.Icon(good) + " " + GoodDisplay.Name(good);
        return name + " — " + Format.Quantity(lot.Quantity);
    }

    /// <summary>The handle of a lot's owner.</summary>
    public string OwnerHandle(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return _traders.TryGetValue(lot.Owner, out var owner) ? owner.Handle.Value : "?";
    }

    /// <summary>An entry in words.</summary>
    public string DescribeEntry(WantEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Kind)
        {
            case WantKind.Lot:
                if (!_lots.TryGetValue(entry.Lot!.Value, out var lot)) return T["Wants.LotGone"];
                string described = T.Format("Wants.LotBy", Describe(lot), OwnerHandle(lot));
                return lot.IsOpen ? described : described + " " + T["Wants.LotGone"];
            case WantKind.Good:
                var good = _catalog.Find(entry.Good!.Value);
                return T.Format("Wants.RuleGood", good is null ? entry.Good.Value.Value : GoodDisplay.Icon(good) + " " + GoodDisplay.Name(good));
            default:
                return T.Format("Wants.RuleCategory", T["Category." + entry.Category!.Value.Value], UiFormat.Number(entry.MinPercent));
        }
    }

    private bool Mentions(Lot lot, string words) =>
        lot.Note.Contains(words, StringComparison.CurrentCultureIgnoreCase)
        || (_catalog.Find(lot.Good) is { } good
            && (good.NameEn.Contains(words, StringComparison.CurrentCultureIgnoreCase)
                || good.NameKo.Contains(words, StringComparison.CurrentCulture)
                || good.NameZh.Contains(words, StringComparison.CurrentCulture)));

    private async Task<IActionResult> ChangeAsync(string id, Func<List<WantEntry>, bool> change, CancellationToken cancellationToken, string errorField = "")
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!Lot.IsOpen)
        {
            AddError("", ErrorCodes.LotNotOpen);
            return Page();
        }
        var entries = Entries.ToList();
        if (!change(entries)) return Page();
        var wants = await wantLists.SetAsync(User.TraderId(), id, entries, cancellationToken);
        if (!wants.IsOk)
        {
            AddError(errorField, wants.Error!.Code, WantList.MaxEntries);
            return Page();
        }
        string kind = (string.IsNullOrEmpty(Kind) ? "" : "&kind=" + Uri.EscapeDataString(Kind))
            + (string.IsNullOrWhiteSpace(Q) ? "" : "&q=" + Uri.EscapeDataString(Q));
        return LocalRedirect($"/lots/{Lot.Id}/wants?saved=true{kind}");
    }

    /// <summary>Loads my lot, its list and the search; a refusal page when the lot is not there or not mine.</summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var found = await wantLists.GetAsync(User.TraderId(), id, cancellationToken);
        if (!found.IsOk) return found.Error?.Code == ErrorCodes.NotYourLot ? ForbiddenPage() : NotFoundPage();
        var (lot, wants) = found.Value;
        Lot = lot;
        _catalog = await store.GetCatalogAsync(cancellationToken);
        Format = await UiFormat.TodayAsync(T, store, clock, cancellationToken);
        _lots = (await store.ListLotsAsync(null, cancellationToken)).ToDictionary(l => l.Id);
        _traders = (await store.ListTradersAsync(cancellationToken)).ToDictionary(t => t.Id);
        Entries = wants?.Entries.ToList() ?? [];
        Categories = [.. _catalog.Goods.Select(g => g.Category).Distinct()];
        AllGoods = _catalog.Goods;
        RuleCategory ??= Categories.Count > 0 ? Categories[0].Value : null;
        if (Kind is not null || !string.IsNullOrWhiteSpace(Q))
        {
            string words = Q?.Trim() ?? "";
            var listed = Entries.Where(e => e.Kind == WantKind.Lot).Select(e => e.Lot!.Value).ToHashSet();
            Results = [.. _lots.Values
                .Where(l => l.IsOpen && l.Owner != lot.Owner && !listed.Contains(l.Id))
                .Where(l => string.IsNullOrEmpty(Kind) || _catalog.Find(l.Good)?.Category.Value == Kind)
                .Where(l => words.Length == 0 || Mentions(l, words))
                .OrderBy(l => l.Good.Value, StringComparer.Ordinal).ThenByDescending(l => l.CreatedAt)
                .Take(MaxResults)];
        }
        return null;
    }
}
