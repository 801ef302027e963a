namespace Yalu.Market.Trading;

/// <summary>Factories for <see cref="Result{T}"/>.</summary>
public static class Result
{
    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static Result<T> Ok<T>(T value) => new(value, null);

    /// <summary>A failure with a stable <paramref name="code"/>.</summary>
    public static Result<T> Fail<T>(string code, string message) => new(default, new DomainError(code, message));

    /// <summary>A failure carrying <paramref name="error"/>.</summary>
    public static Result<T> Fail<T>(DomainError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
}
