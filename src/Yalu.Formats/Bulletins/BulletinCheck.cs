using Yalu.Market.Trading;

namespace Yalu.Formats.Bulletins;

/// <summary>
/// The result of checking a bulletin as typed or copied: the status of every line, every problem
/// (each naming its line), and the bulletin itself when every line and the whole are intact.
/// </summary>
/// <param name="Lines">Every non-blank line received, in order, with its status.</param>
/// <param name="Result">The bulletin, or the problems found; never both.</param>
public sealed record BulletinCheck(IReadOnlyList<BulletinLineStatus> Lines, ParseResult<Bulletin> Result)
{
    /// <summary>Whether the whole bulletin is intact.</summary>
    public bool Intact => Result.Success;
}
