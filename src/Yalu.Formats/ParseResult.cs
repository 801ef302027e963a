namespace Yalu.Formats;

/// <summary>
/// The outcome of reading a file: a value when there was no error, and every error and warning
/// found, each with its line and column. Reading never throws for bad input.
/// </summary>
/// <typeparam name="T">What was read.</typeparam>
public sealed class ParseResult<T>
    where T : class
{
    internal ParseResult(T? value, IReadOnlyList<FormatDiagnostic> errors, IReadOnlyList<FormatDiagnostic> warnings)
    {
        Value = errors.Count == 0 ? value : null;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>What was read, or null when <see cref="Errors"/> is not empty.</summary>
    public T? Value { get; }

    /// <summary>Fatal problems: with any of them, nothing was read.</summary>
    public IReadOnlyList<FormatDiagnostic> Errors { get; }

    /// <summary>Problems that did not stop the reading (options accepted but not acted on, and the like).</summary>
    public IReadOnlyList<FormatDiagnostic> Warnings { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool Success => Value is not null;
}
