namespace Yalu.Market.Trading;

/// <summary>
/// A price bulletin: a market's price board packed small enough to read aloud over the radio or copy
/// into a notebook (the text form, with a check digit on every line, is <c>Yalu.Formats.Bulletins</c>).
/// </summary>
/// <param name="Market">The bank whose market the prices are from.</param>
/// <param name="Date">The day it was issued.</param>
/// <param name="KpwPerCny">The KPW/CNY rate in effect that day, or null when none was recorded.</param>
/// <param name="Lines">One line per good, in good-code order; at most <see cref="MaxLines"/>.</param>
public sealed record Bulletin(Side Market, DateOnly Date, decimal? KpwPerCny, IReadOnlyList<BulletinLine> Lines)
{
    /// <summary>The most goods on one bulletin: with its header it stays within 40 lines, a minute on the radio.</summary>
    public const int MaxLines = 39;

    /// <summary>Structural equality, the lines included.</summary>
    public bool Equals(Bulletin? other) =>
        other is not null && Market == other.Market && Date == other.Date && KpwPerCny == other.KpwPerCny && Lines.SequenceEqual(other.Lines);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Market, Date, KpwPerCny, Lines.Count);
}
