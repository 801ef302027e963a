using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>
/// Handovers, for the API (<c>POST /api/legs/{id}/confirm|fail</c>) and the keeper's round page
/// alike: confirm a leg as handed over, or fail it as a no-show, which releases the rest of its loop
/// or chain and reopens those lots. The <see cref="TradeBook"/> decides; the store writes the change
/// all or none. Thread-safe.
/// </summary>
public sealed class LegService(IMarketStore store)
{
    /// <summary>The lot of leg <paramref name="legId"/> was handed over.</summary>
    public Task<Outcome<TradeBookChange>> ConfirmAsync(TraderId actor, string legId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, legId, (book, leg) => book.Confirm(leg), "leg.confirmed", cancellationToken);

    /// <summary>A no-show on leg <paramref name="legId"/>: it fails and the rest of its exchange is released.</summary>
    public Task<Outcome<TradeBookChange>> FailAsync(TraderId actor, string legId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, legId, (book, leg) => book.Fail(leg), "leg.failed", cancellationToken);

    private async Task<Outcome<TradeBookChange>> ChangeAsync(
        TraderId actor, string legId, Func<TradeBook, LegId, Result<TradeBookChange>> operation, string kind, CancellationToken cancellationToken)
    {
        var leg = LegId.TryParse(legId, out var id) ? await store.GetLegAsync(id, cancellationToken) : null;
        if (leg is null) return Outcome.Fail<TradeBookChange>(UseCaseCodes.LegNotFound, $"there is no leg '{legId}'");
        var lots = await store.ListLotsAsync(null, cancellationToken);
        var book = new TradeBook(lots, await store.ListLegsAsync(leg.Round, cancellationToken));
        var change = operation(book, leg.Id);
        if (!change.IsOk) return Outcome.Fail<TradeBookChange>(change.Error);
        return Outcome.From(await store.ApplyAsync(change.Value, kind, actor, cancellationToken));
    }
}
