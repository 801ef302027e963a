namespace Yalu.Web.Traders;

/// <summary>A new session: the token (also set as the HttpOnly cookie), when it expires, and who is logged in.</summary>
/// <param name="Token">Send as <c>Authorization: Bearer TOKEN</c> (or rely on the cookie). Shown once; the node keeps only its hash.</param>
/// <param name="ExpiresAt">When the session ends.</param>
/// <param name="Trader">The trader logged in.</param>
public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, TraderResponse Trader);
