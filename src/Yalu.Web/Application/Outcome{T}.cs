using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>
/// What a use case returns: the value, or the invalid fields of the request (every one at once), or
/// one expected failure with a stable code. The API turns a failure into ProblemDetails
/// (<c>Problems.From</c>); create with <see cref="Outcome"/>, the pages into a translated message; neither
/// decides the rule itself.
/// </summary>
/// <typeparam name="T">The value of a success.</typeparam>
public sealed class Outcome<T>
{
    private readonly T? _value;

    internal Outcome(T? value, DomainError? error, IReadOnlyList<FieldError> fields)
    {
        _value = value;
        Error = error;
        Fields = fields;
    }

    /// <summary>Whether the use case succeeded.</summary>
    public bool IsOk => Error is null && Fields.Count == 0;

    /// <summary>The value; throws when the use case failed.</summary>
    public T Value => IsOk ? _value! : throw new InvalidOperationException("the use case failed: " + (Error?.Message ?? string.Join("; ", Fields.Select(f => f.Message))));

    /// <summary>The expected failure that is not about one field, or null.</summary>
    public DomainError? Error { get; }

    /// <summary>The invalid fields, empty unless the request was invalid.</summary>
    public IReadOnlyList<FieldError> Fields { get; }

    /// <summary>The same failure for another value type; throws on a success.</summary>
    public Outcome<TOther> As<TOther>() =>
        IsOk ? throw new InvalidOperationException("a success has no failure to pass on")
        : Error is not null ? Outcome.Fail<TOther>(Error) : Outcome.Invalid<TOther>(Fields);
}
