namespace Yalu.Web.Credit;

/// <summary>A keeper sets a trader's credit limit.</summary>
/// <param name="Limit">A non-negative amount, "50.00".</param>
public sealed record LimitRequest(string? Limit);
