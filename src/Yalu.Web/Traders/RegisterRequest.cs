namespace Yalu.Web.Traders;

/// <summary>
/// A registration. Carries no role, credit limit or id: those are the node's to set, so a request
/// cannot grant itself more (unknown JSON properties are ignored).
/// </summary>
/// <param name="Handle">The pseudonym: 2–32 letters, digits, '-', '_', '.'; unique without regard to case. No real name.</param>
/// <param name="PassPhrase">At least 10 characters (any script); stored only as an Argon2id hash.</param>
/// <param name="Side">"hyesan" (default) or "changbai".</param>
/// <param name="Language">"ko" (default), "zh" or "en".</param>
public sealed record RegisterRequest(string? Handle, string? PassPhrase, string? Side, string? Language);
