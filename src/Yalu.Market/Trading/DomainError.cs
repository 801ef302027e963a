namespace Yalu.Market.Trading;

/// <summary>
/// An expected failure: a stable machine-readable <paramref name="Code"/> (one of
/// <see cref="ErrorCodes"/>; the HTTP edge puts it in ProblemDetails) and an English message for logs.
/// </summary>
/// <param name="Code">Stable code, lower-case words joined by hyphens.</param>
/// <param name="Message">What went wrong, for a person.</param>
public sealed record DomainError(string Code, string Message);
