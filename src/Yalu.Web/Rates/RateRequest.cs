namespace Yalu.Web.Rates;

/// <summary>A KPW/CNY rate the keeper recorded.</summary>
/// <param name="KpwPerCny">How many won one yuan fetched, positive.</param>
/// <param name="Date">The day, yyyy-MM-dd; default today (UTC).</param>
/// <param name="Place">Where, at most 64 characters; default Hyesan.</param>
public sealed record RateRequest(decimal? KpwPerCny, string? Date, string? Place);
