namespace Yalu.Formats.Bulletins;

/// <summary>What the check found on one line of a bulletin as received.</summary>
/// <param name="Line">1-based line number in the text received (blank lines counted).</param>
/// <param name="Text">The line as received.</param>
/// <param name="Problem">Null when the line is intact; else what is wrong with it.</param>
public sealed record BulletinLineStatus(int Line, string Text, FormatDiagnostic? Problem)
{
    /// <summary>Whether the line is intact.</summary>
    public bool Intact => Problem is null;
}
