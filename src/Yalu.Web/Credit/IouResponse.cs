using Yalu.Market.Credit;
using Yalu.Market.Trading;

namespace Yalu.Web.Credit;

/// <summary>An IOU as its parties see it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Creditor">The handle of who is owed.</param>
/// <param name="Debtor">The handle of who owes.</param>
/// <param name="Amount">The amount recorded, "12.50".</param>
/// <param name="Remaining">What set-offs have not cancelled yet.</param>
/// <param name="Memo">The parties' note.</param>
/// <param name="State">proposed, accepted, declined or settled.</param>
/// <param name="CreatedAt">When it was proposed.</param>
public sealed record IouResponse(string Id, string Creditor, string Debtor, string Amount, string Remaining, string Memo, string State, DateTimeOffset CreatedAt)
{
    /// <summary>The response for <paramref name="iou"/>, naming traders by <paramref name="handles"/>.</summary>
    public static IouResponse From(Iou iou, IReadOnlyDictionary<TraderId, string> handles)
    {
        ArgumentNullException.ThrowIfNull(iou);
        ArgumentNullException.ThrowIfNull(handles);
        return new(iou.Id.ToString(), handles.GetValueOrDefault(iou.Creditor, iou.Creditor.ToString()), handles.GetValueOrDefault(iou.Debtor, iou.Debtor.ToString()),
            iou.Amount.ToString(), iou.Remaining.ToString(), iou.Memo, CreditWire.Of(iou.State), iou.CreatedAt);
    }
}
