namespace Yalu.Sync;

/// <summary>
/// Why bytes from another node (a card, an event, a bundle) were refused: a stable code
/// (<c>SY0xx</c>, see <see cref="SyncCodes"/>) and a message in plain words that says what and where
/// (a byte offset or a line of a card's text when there is one).
/// </summary>
/// <param name="Code">A stable machine-readable code, e.g. <c>SY004</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record SyncError(string Code, string Message)
{
    /// <summary>Formats as <c>code: message</c>.</summary>
    public override string ToString() => $"{Code}: {Message}";

    /// <summary>Formats as <c>source: code: message</c>, the shape the command line prints (e.g. the bundle's file name).</summary>
    public string ToString(string source) => $"{source}: {Code}: {Message}";
}
