using System.Diagnostics.CodeAnalysis;

namespace Yalu.Sync;

/// <summary>
/// The outcome of reading or checking bytes from another node: a value, or the one error that stopped
/// the reading; create with <see cref="SyncResult"/>. Readers of outside bytes return these and never throw for bad input.
/// </summary>
/// <typeparam name="T">What was read.</typeparam>
public readonly struct SyncResult<T>
{
    private readonly T _value;

    internal SyncResult(T value, SyncError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Why the reading failed, or null when it succeeded.</summary>
    public SyncError? Error { get; }

    /// <summary>True when there is a value (and no <see cref="Error"/>).</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The value. Reading it from a failed result is a programming error and throws.</summary>
    public T Value => Error is null
        ? _value
        : throw new InvalidOperationException($"no value: {Error}");

    /// <summary>The same failure as another type, for passing an error on.</summary>
    public SyncResult<TOther> Cast<TOther>() =>
        Error is null ? throw new InvalidOperationException("a successful result has no error to pass on") : SyncResult.Fail<TOther>(Error);

    /// <inheritdoc/>
    public override string ToString() => Error is null ? $"ok: {_value}" : Error.ToString();
}
