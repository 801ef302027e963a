using Yalu.Market.Credit;
using Yalu.Web.Application;

namespace Yalu.Web.Credit;

/// <summary>A ledger entry as the API shows it.</summary>
/// <param name="Seq">Its number, in posting order.</param>
/// <param name="At">When it was posted.</param>
/// <param name="Kind">leg, iou or setoff.</param>
/// <param name="Reference">The leg id, IOU id, or "run id/IOU id" of a set-off.</param>
/// <param name="Credit">The handle credited, or "pool".</param>
/// <param name="Debit">The handle debited, or "pool".</param>
/// <param name="Amount">The amount, "12.50".</param>
/// <param name="Effect">What it did to the caller's balance, "+12.50" / "-12.50".</param>
public sealed record EntryResponse(long Seq, DateTimeOffset At, string Kind, string Reference, string Credit, string Debit, string Amount, string Effect)
{
    /// <summary>The response for <paramref name="posted"/> in <paramref name="account"/>.</summary>
    public static EntryResponse From(PostedEntry posted, CreditAccount account)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(account);
        var e = posted.Entry;
        var effect = e.EffectOn(account.Trader.Id);
        return new(posted.Seq, posted.At, CreditWire.Of(e.Kind), e.Reference, account.NameOf(e.Credit), account.NameOf(e.Debit), e.Amount.ToString(),
            (effect.Fen >= 0 ? "+" : "") + effect.ToString());
    }
}
