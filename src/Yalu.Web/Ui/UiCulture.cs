using System.Globalization;
using Yalu.Market.Trading;

namespace Yalu.Web.Ui;

/// <summary>
/// The three languages of the pages and their cultures: Korean as written in the DPRK (<c>ko-KP</c>),
/// simplified Chinese as in China (<c>zh-CN</c>) and English (<c>en</c>). Resources fall back from
/// <c>ko-KP</c> to <c>.ko.resx</c> and from <c>zh-CN</c> to <c>.zh.resx</c>.
/// </summary>
public static class UiCulture
{
    /// <summary>The cookie that remembers the language of a visitor who is not logged in.</summary>
    public const string CookieName = "yalu_lang";

    /// <summary>The culture of <paramref name="language"/>.</summary>
    public static CultureInfo Of(Language language) => language switch
    {
        Language.Ko => Korean,
        Language.Zh => Chinese,
        _ => English,
    };

    /// <summary>The value of the <c>lang</c> attribute of a page in <paramref name="language"/>: ko, zh-Hans or en.</summary>
    public static string HtmlLang(Language language) => language switch
    {
        Language.Ko => "ko",
        Language.Zh => "zh-Hans",
        _ => "en",
    };

    /// <summary>The language of the current request (set by the culture middleware; English otherwise).</summary>
    public static Language Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "ko" => Language.Ko,
        "zh" => Language.Zh,
        _ => Language.En,
    };

    /// <summary>Parses "ko", "zh" or "en"; anything else is false.</summary>
    public static bool TryParse(string? text, out Language language)
    {
        language = Language.En;
        return text is "ko" or "zh" or "en" && Wire.TryParseLanguage(text, Language.En, out language);
    }

    private static readonly CultureInfo Korean = CultureInfo.ReadOnly(new CultureInfo("ko-KP"));
    private static readonly CultureInfo Chinese = CultureInfo.ReadOnly(new CultureInfo("zh-CN"));
    private static readonly CultureInfo English = CultureInfo.ReadOnly(new CultureInfo("en"));
}
