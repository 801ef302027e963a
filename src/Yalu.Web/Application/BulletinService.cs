using Yalu.Formats.Bulletins;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Ui;

namespace Yalu.Web.Application;

/// <summary>
/// The price bulletin, for <c>yalu bulletin</c> and the keeper's bulletin pages alike: today's
/// bulletin of this node's market (the side of its stored identity, <see cref="INodeSync.Card"/>) from the price board, its
/// text with the goods named in a language, the check of a bulletin as received, and the import of
/// the other bank's bulletin — checked first (a wrong line stores nothing), refused when it is this
/// node's own market, stored once per market and day. What the import stored appears on the price
/// board (<see cref="PriceBoardService"/>). Thread-safe.
/// </summary>
public sealed class BulletinService(IMarketStore store, INodeSync node, PriceBoardService prices, TimeProvider clock)
{
    /// <summary>The longest bulletin text taken for a check or an import: 40 lines with long names fit several times over.</summary>
    public const int MaxTextLength = 8000;

    /// <summary>
    /// The bank whose market this node is: the side of its stored identity (<c>yalu node init --side</c>,
    /// or Hyesan on a first start), so the command line, the pages and the price board cannot disagree.
    /// </summary>
    public Side Market => Wire.SideOf(node.Card);

    /// <summary>
    /// Today's bulletin: the rate in effect and, per good that changed hands in the board's window,
    /// its median value of one unit and how many lots; when more goods traded than fit
    /// (<see cref="Bulletin.MaxLines"/>), the most traded, listed by code so a listener can follow.
    /// </summary>
    public async Task<Bulletin> TodayAsync(CancellationToken cancellationToken = default)
    {
        var board = await prices.GetAsync(cancellationToken);
        var lines = board.Rows.OrderByDescending(r => r.Legs).ThenBy(r => r.Good.Id.Value, StringComparer.Ordinal).Take(Bulletin.MaxLines)
            .OrderBy(r => r.Good.Id.Value, StringComparer.Ordinal)
            .Select(r => new BulletinLine(r.Good.Id, r.MedianPerUnit, r.Legs)).ToList();
        return new Bulletin(Market, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), board.Rate?.KpwPerCny, lines);
    }

    /// <summary>The text of <paramref name="bulletin"/>, each good named after its line in <paramref name="language"/> (no names when null).</summary>
    public async Task<string> TextAsync(Bulletin bulletin, Language? language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        if (language is not { } lang) return BulletinText.Write(bulletin);
        var catalog = await store.GetCatalogAsync(cancellationToken);
        return BulletinText.Write(bulletin, id => SpokenName(catalog, id, lang));
    }

    /// <summary>A good's name as a bulletin line carries it: its name in <paramref name="language"/> and its unit, or null when the catalog lacks it.</summary>
    public static string? SpokenName(MarketCatalog catalog, GoodId good, Language language)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Find(good) is { } g ? $"{GoodDisplay.Name(g, language)} / {g.Unit.Value}" : null;
    }

    /// <summary>Which lines of a bulletin as received (typed, copied, or read from <paramref name="source"/>) are intact.</summary>
    public static BulletinCheck Check(string text, string source = "-") => BulletinText.Check(text, source);

    /// <summary>
    /// Imports a bulletin received from the other bank: checks it (every problem comes back as a
    /// field error on <c>text</c>, <c>file:line: code: message</c>, and nothing is stored), refuses
    /// one of this node's own market (<see cref="UseCaseCodes.BulletinOwnMarket"/>), then stores it.
    /// The same bulletin twice changes nothing (<see cref="BulletinImportStatus.AlreadyImported"/>).
    /// </summary>
    public async Task<Outcome<BulletinImport>> ImportAsync(TraderId? actor, string text, string source = "-", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
            return Outcome.Invalid<BulletinImport>([new FieldError("text", UseCaseCodes.OutOfRange, $"a bulletin is at most {MaxTextLength} characters")]);
        var check = Check(text, source);
        if (!check.Intact)
            return Outcome.Invalid<BulletinImport>([.. check.Result.Errors.Select(e => new FieldError("text", e.Code, e.ToString()))]);
        var bulletin = check.Result.Value!;
        if (bulletin.Market == Market)
            return Outcome.Fail<BulletinImport>(UseCaseCodes.BulletinOwnMarket,
                $"the bulletin is of this node's own market ({Wire.Of(Market)}): only the other bank's bulletin is imported");
        var stored = await store.ImportBulletinAsync(bulletin, actor, cancellationToken);
        var shown = (await store.GetLatestBulletinAsync(bulletin.Market, cancellationToken))!.Bulletin.Date;
        var status = stored switch
        {
            BulletinStored.Unchanged => BulletinImportStatus.AlreadyImported,
            _ when shown != bulletin.Date => BulletinImportStatus.OlderThanShown,
            BulletinStored.Replaced => BulletinImportStatus.Replaced,
            _ => BulletinImportStatus.Imported,
        };
        return Outcome.Ok(new BulletinImport(bulletin, status, shown));
    }
}
