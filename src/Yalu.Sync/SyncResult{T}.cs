using System.Diagnostics.CodeAnalysis;

namespace Yalu.Sync;

/// <summary>
/// The outcome of reading or checking bytes from another node: a value, or the one error that stopped
/// the reading; create with <see cref="SyncResult"/>. Readers of outside bytes return these and never
/// throw for bad input. The <c>default</c> value is a failure (<see cref="SyncCodes.NoResult"/>), so a
/// result nobody set can never pass for a success.
/// </summary>
/// <typeparam name="T">What was read.</typeparam>
public readonly struct SyncResult<T>
{
    private static readonly SyncError NoResultError = new(SyncCodes.NoResult, "no result (a SyncResult that was never set)");
    private readonly T _value;
    private readonly SyncError? _error;
    private readonly bool _ok;

    internal SyncResult(T value, SyncError? error)
    {
        _value = value;
        _error = error;
        _ok = error is null;
    }

    /// <summary>Why the reading failed, or null when it succeeded.</summary>
    public SyncError? Error => _ok ? null : _error ?? NoResultError;

    /// <summary>True when there is a value (and no <see cref="Error"/>).</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => _ok;

    /// <summary>The value. Reading it from a failed result is a programming error and throws.</summary>
    public T Value => _ok ? _value : throw new InvalidOperationException($"no value: {Error}");

    /// <summary>The same failure as another type, for passing an error on.</summary>
    public SyncResult<TOther> Cast<TOther>() =>
        _ok ? throw new InvalidOperationException("a successful result has no error to pass on") : SyncResult.Fail<TOther>(Error!);

    /// <inheritdoc/>
    public override string ToString() => _ok ? $"ok: {_value}" : Error!.ToString();
}
