namespace Yalu.Web.Prices;

/// <summary>The other bank's prices, from the newest bulletin imported from it.</summary>
/// <param name="Market">The other bank's market: hyesan or changbai.</param>
/// <param name="Date">The bulletin's date.</param>
/// <param name="KpwPerCny">The rate the bulletin gave, or null.</param>
/// <param name="ImportedAt">When this node imported it.</param>
/// <param name="Goods">One row per good on the bulletin, in its order.</param>
public sealed record OtherBankResponse(string Market, DateOnly Date, decimal? KpwPerCny, DateTimeOffset ImportedAt, IReadOnlyList<OtherBankRow> Goods);
