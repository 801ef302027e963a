using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>Factories for <see cref="Outcome{T}"/>.</summary>
public static class Outcome
{
    /// <summary>A success.</summary>
    public static Outcome<T> Ok<T>(T value) => new(value, null, []);

    /// <summary>A failure with a stable <paramref name="code"/>.</summary>
    public static Outcome<T> Fail<T>(string code, string message) => new(default, new DomainError(code, message), []);

    /// <summary>A failure carrying <paramref name="error"/>.</summary>
    public static Outcome<T> Fail<T>(DomainError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)), []);

    /// <summary>An invalid request: at least one field.</summary>
    public static Outcome<T> Invalid<T>(IReadOnlyList<FieldError> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0) throw new ArgumentException("an invalid request names at least one field", nameof(fields));
        return new(default, null, fields);
    }

    /// <summary>From a domain result: its value, or its error.</summary>
    public static Outcome<T> From<T>(Result<T> result) => result.IsOk ? Ok(result.Value) : Fail<T>(result.Error);
}
