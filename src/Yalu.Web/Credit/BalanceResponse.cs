namespace Yalu.Web.Credit;

/// <summary>One trader's balance and limit.</summary>
/// <param name="Handle">The trader.</param>
/// <param name="Balance">Credited minus debited.</param>
/// <param name="Limit">The credit limit.</param>
public sealed record BalanceResponse(string Handle, string Balance, string Limit);
