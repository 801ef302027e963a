namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>
/// The market day the round tests share: two registered traders whose lots want each other (so the
/// round certainly puts them in one loop), the first reading Korean, and the round the keeper ran
/// through the pages.
/// </summary>
/// <param name="Korean">A trader whose language is Korean.</param>
/// <param name="English">Their partner, in English.</param>
/// <param name="PassPhrase">Both traders' pass phrase.</param>
/// <param name="KoreanLot">The Korean trader's lot id.</param>
/// <param name="EnglishLot">The English trader's lot id.</param>
/// <param name="RoundId">The round the keeper started.</param>
public sealed record MarketDay(string Korean, string English, string PassPhrase, string KoreanLot, string EnglishLot, string RoundId);
