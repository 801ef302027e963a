using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Auth;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages.Lots;

/// <summary>
/// /lots/new: post a lot in three steps, each one page: a category (?category=), a good with its
/// picture (?good=), then quantity, value and note. The same checks as <c>POST /api/lots</c>.
/// </summary>
[RequireTrader]
public sealed class NewLotModel(UiText text, IMarketStore store, LotService lots, TimeProvider clock) : YaluPageModel(text)
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["good"] = "", ["quantity"] = nameof(Quantity), ["value"] = nameof(Value), ["note"] = nameof(Note),
    };

    /// <summary>Step 2: the chosen category.</summary>
    public CategoryId? Category { get; private set; }

    /// <summary>Step 3: the chosen good.</summary>
    public Good? Good { get; private set; }

    /// <summary>Step 1: the catalog's categories, in catalog order.</summary>
    public IReadOnlyList<CategoryId> Categories { get; private set; } = [];

    /// <summary>Step 2: the goods of <see cref="Category"/>.</summary>
    public IReadOnlyList<Good> Goods { get; private set; } = [];

    /// <summary>Money and units in the page's language.</summary>
    public UiFormat Format { get; private set; } = null!;

    /// <summary>The good's code (step 3's form).</summary>
    [BindProperty]
    public string? GoodCode { get; set; }

    /// <summary>The quantity typed, in the good's unit.</summary>
    [BindProperty]
    public string? Quantity { get; set; }

    /// <summary>The value typed, in CNY.</summary>
    [BindProperty]
    public string? Value { get; set; }

    /// <summary>The note typed.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Shows the step the query asks for.</summary>
    public async Task OnGetAsync(string? category, string? good, CancellationToken cancellationToken) =>
        await LoadAsync(category, good, cancellationToken);

    /// <summary>Posts the lot and goes on to its want list; on errors shows the form again with what was typed.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(null, GoodCode, cancellationToken);
        decimal? amount = null;
        bool unreadable = false;
        if (!string.IsNullOrWhiteSpace(Quantity))
        {
            if (decimal.TryParse(Quantity, NumberStyles.Number, CultureInfo.CurrentCulture, out var parsed)
                || decimal.TryParse(Quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out parsed)) amount = parsed;
            else unreadable = true;
        }
        var posted = await lots.PostAsync(User.TraderId(), new LotDraft(GoodCode, amount, Value, Note), cancellationToken);
        if (posted.IsOk) return LocalRedirect($"/lots/{posted.Value.Id}/wants?posted=true");
        foreach (var error in posted.Fields)
        {
            string code = unreadable && error.Field == "quantity" ? ErrorCodes.InvalidQuantity : error.Code;
            AddError(Fields.GetValueOrDefault(error.Field, ""), code, Yalu.Market.Trading.Lot.MaxNoteLength);
        }
        if (posted.Error is { } failure) AddError("", failure.Code, Yalu.Market.Trading.Lot.MaxNoteLength);
        return Page();
    }

    private async Task LoadAsync(string? category, string? good, CancellationToken cancellationToken)
    {
        var catalog = await store.GetCatalogAsync(cancellationToken);
        Format = await UiFormat.TodayAsync(T, store, clock, cancellationToken);
        Categories = [.. catalog.Goods.Select(g => g.Category).Distinct()];
        if (GoodId.TryParse(good, out var goodId) && catalog.Find(goodId) is { } found)
        {
            Good = found;
            Category = found.Category;
            return;
        }
        if (CategoryId.IsValid(category) && catalog.HasCategory(CategoryId.Parse(category!)))
        {
            Category = CategoryId.Parse(category!);
            Goods = [.. catalog.Goods.Where(g => g.Category == Category)];
        }
    }
}
