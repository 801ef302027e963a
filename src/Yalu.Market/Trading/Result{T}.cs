using System.Diagnostics.CodeAnalysis;

namespace Yalu.Market.Trading;

/// <summary>
/// The outcome of an operation whose failure is expected (an illegal state transition, invalid
/// input): either a value or a <see cref="DomainError"/> with a stable code. Broken invariants throw
/// instead. Create with <see cref="Result.Ok{T}(T)"/> and <see cref="Result.Fail{T}(string, string)"/>.
/// </summary>
/// <typeparam name="T">The value on success.</typeparam>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly T? _value;

    internal Result(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null;

    /// <summary>The error, or null on success.</summary>
    public DomainError? Error { get; }

    /// <summary>The value; throws <see cref="InvalidOperationException"/> on a failure.</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"{Error.Code}: {Error.Message}");

    /// <inheritdoc/>
    public bool Equals(Result<T> other) => Equals(Error, other.Error) && EqualityComparer<T?>.Default.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_value, Error);

    /// <summary>Equality of value and error.</summary>
    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    /// <summary>Inequality of value or error.</summary>
    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Error is null ? $"Ok({_value})" : $"Fail({Error.Code})";
}
