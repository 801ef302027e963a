using System.Globalization;
using Yalu.Market.Trading;

namespace Yalu.Web.Rates;

/// <summary>A dated KPW/CNY rate.</summary>
/// <param name="Date">The day, yyyy-MM-dd.</param>
/// <param name="KpwPerCny">Won per yuan.</param>
/// <param name="Place">Where.</param>
public sealed record RateResponse(string Date, decimal KpwPerCny, string Place)
{
    /// <summary>The response for <paramref name="rate"/>.</summary>
    public static RateResponse From(KpwRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return new(rate.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rate.KpwPerCny, rate.Place);
    }
}
