using Yalu.Market.Trading;

namespace Yalu.Web.Traders;

/// <summary>A trader as the API shows them.</summary>
/// <param name="Id">The id.</param>
/// <param name="Handle">The pseudonym.</param>
/// <param name="Side">"hyesan" or "changbai".</param>
/// <param name="Language">"ko", "zh" or "en".</param>
/// <param name="Role">"trader" or "keeper".</param>
/// <param name="CreditLimit">How much the trader may owe in IOUs, CNY ("0.00").</param>
public sealed record TraderResponse(string Id, string Handle, string Side, string Language, string Role, string CreditLimit)
{
    /// <summary>The response for <paramref name="trader"/>.</summary>
    public static TraderResponse From(Trader trader)
    {
        ArgumentNullException.ThrowIfNull(trader);
        return new(trader.Id.ToString(), trader.Handle.Value, Wire.Of(trader.Side), Wire.Of(trader.Language), Wire.Of(trader.Role), trader.CreditLimit.ToString());
    }
}
