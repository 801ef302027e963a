using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>The result of a login.</summary>
/// <param name="Status">How it went.</param>
/// <param name="Trader">The trader, when logged in.</param>
/// <param name="Token">The session token for the cookie or Bearer use, when logged in (only its hash is stored).</param>
/// <param name="ExpiresAt">When the session ends.</param>
/// <param name="RetryAfter">How long to wait, when throttled.</param>
/// <param name="MalformedField">handle or passPhrase, when malformed.</param>
public sealed record LoginOutcome(LoginStatus Status, Trader? Trader, string? Token, DateTimeOffset ExpiresAt, TimeSpan RetryAfter, string? MalformedField)
{
    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"LoginOutcome {{ Status = {Status}, ExpiresAt = {ExpiresAt:O} }}";
}
