namespace Yalu.Web.Traders;

/// <summary>A login.</summary>
/// <param name="Handle">The handle (any case).</param>
/// <param name="PassPhrase">The pass phrase.</param>
public sealed record LoginRequest(string? Handle, string? PassPhrase);
