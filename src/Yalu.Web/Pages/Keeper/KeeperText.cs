using System.Globalization;
using System.Resources;
using Yalu.Market.Trading;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// The keeper pages' strings (Resources/Keeper.resx, .ko, .zh), in the request's UI culture or in a
/// culture asked for (a printed slip speaks its trader's language, whoever prints it).
/// </summary>
public sealed class KeeperText
{
    private static readonly ResourceManager Resources = new("Yalu.Web.Resources.Keeper", typeof(KeeperText).Assembly);

    private KeeperText(CultureInfo culture) => Culture = culture;

    /// <summary>The text in the current UI culture.</summary>
    public static KeeperText Current => new(CultureInfo.CurrentUICulture);

    /// <summary>The culture the text is in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The market language of <see cref="Culture"/>: Korean, Chinese, else English.</summary>
    public Language Language => LanguageOf(Culture);

    /// <summary>The string <paramref name="key"/>; the key itself when missing (a test catches that).</summary>
    public string this[string key] => Resources.GetString(key, Culture) ?? key;

    /// <summary>The string <paramref name="key"/> with its placeholders filled, formatted for <see cref="Culture"/>.</summary>
    public string this[string key, params object?[] args] => string.Format(Culture, this[key], args);

    /// <summary>The same strings in <paramref name="language"/>'s culture (ko, zh-Hans or en).</summary>
    public static KeeperText In(Language language) => new(CultureOf(language));

    /// <summary>The culture a market language is shown in.</summary>
    public static CultureInfo CultureOf(Language language) => language switch
    {
        Language.Ko => CultureInfo.GetCultureInfo("ko"),
        Language.Zh => CultureInfo.GetCultureInfo("zh-Hans"),
        _ => CultureInfo.GetCultureInfo("en"),
    };

    /// <summary>The market language of a culture.</summary>
    public static Language LanguageOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName switch
        {
            "ko" => Language.Ko,
            "zh" => Language.Zh,
            _ => Language.En,
        };
    }
}
