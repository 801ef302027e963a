using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Web.Ui;

/// <summary>
/// How a catalog good looks on a page: its name in the page's language and an icon. Korean names
/// are the DPRK forms: the catalog writes a differing South Korean form after them as
/// "(南: …)", which the pages leave out.
/// </summary>
public static class GoodDisplay
{
    private const string SouthMarker = "(南:";

    /// <summary>The good's name in <paramref name="language"/> (Korean in its DPRK form).</summary>
    public static string Name(Good good, Language language)
    {
        ArgumentNullException.ThrowIfNull(good);
        string name = good.Name(language);
        if (language != Language.Ko) return name;
        int south = name.IndexOf(SouthMarker, StringComparison.Ordinal);
        return south > 0 ? name[..south].TrimEnd() : name;
    }

    /// <summary>The good's name in the current page language.</summary>
    public static string Name(Good good) => Name(good, UiCulture.Current);

    /// <summary>A picture for the good: an emoji (text, so it costs no bytes on the wire and scales).</summary>
    public static string Icon(Good good)
    {
        ArgumentNullException.ThrowIfNull(good);
        return GoodIcons.GetValueOrDefault(good.Id.Value) ?? CategoryIcon(good.Category);
    }

    /// <summary>A picture for a category.</summary>
    public static string CategoryIcon(CategoryId category) => CategoryIcons.GetValueOrDefault(category.Value) ?? "📦";

    private static readonly Dictionary<string, string> CategoryIcons = new(StringComparer.Ordinal)
    {
        ["grain"] = "🌾", ["vegetable"] = "🥔", ["grocery"] = "🧂", ["meat"] = "🥩", ["fuel"] = "⛽",
        ["seafood"] = "🐟", ["mushroom"] = "🍄", ["herb"] = "🌿", ["forest"] = "🌲", ["fruit"] = "🍎",
        ["craft"] = "🎨", ["piecework"] = "🧵", ["import"] = "📦", ["textile"] = "👘", ["food"] = "🍜",
    };

    private static readonly Dictionary<string, string> GoodIcons = new(StringComparer.Ordinal)
    {
        ["G01"] = "🍚", ["G02"] = "🍚", ["G03"] = "🍙", ["G04"] = "🌽", ["G05"] = "🌾", ["G06"] = "🥔", ["G07"] = "🫘",
        ["G08"] = "🫗", ["G09"] = "🍬", ["G11"] = "🥚", ["G12"] = "🥩", ["G13"] = "🌶", ["G15"] = "🌶", ["G16"] = "🧂",
        ["S01"] = "🐟", ["S02"] = "🦀", ["S03"] = "🦀", ["S04"] = "🐚", ["S05"] = "🐚", ["S06"] = "🐌", ["S07"] = "🐟",
        ["H01"] = "🍄", ["H02"] = "🍄", ["H08"] = "🌰", ["H09"] = "🫐", ["V01"] = "🍐", ["V02"] = "🍎", ["V03"] = "🍇",
        ["C01"] = "🖼", ["C02"] = "💇", ["C03"] = "🔌", ["M01"] = "☀", ["K01"] = "🎵", ["K02"] = "🥁", ["K03"] = "👘",
        ["K04"] = "🧶", ["K05"] = "🍜", ["K06"] = "🥟", ["K07"] = "🥬", ["K08"] = "🌶",
    };
}
