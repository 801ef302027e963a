namespace Yalu.Formats;

/// <summary>
/// A problem found in an input file, with where it is. Lines and columns are 1-based; a column of
/// 0 means the whole line.
/// </summary>
/// <param name="Source">The file name as given (or "-" for standard input).</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column in the decoded line, or 0.</param>
/// <param name="Code">A stable machine-readable code, e.g. <c>TM012</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record FormatDiagnostic(string Source, int Line, int Column, string Code, string Message)
{
    /// <summary>Formats as <c>file:line:column: code: message</c>, the shape compilers use.</summary>
    public override string ToString() =>
        Column > 0 ? $"{Source}:{Line}:{Column}: {Code}: {Message}" : $"{Source}:{Line}: {Code}: {Message}";
}
