namespace Yalu.Web.Rounds;

/// <summary>Whom to meet: a handle and the bank they trade from.</summary>
/// <param name="Handle">The trader's handle.</param>
/// <param name="Side">hyesan or changbai.</param>
public sealed record TraderRefResponse(string Handle, string Side);
