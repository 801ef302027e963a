using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Yalu.Web.Ui;

/// <summary>
/// Every visible string of the pages, from the resource files under <c>Resources/</c>:
/// <c>Shared</c> (layout, navigation, errors, catalog words), <c>Trader</c> (trader pages) and
/// <c>Keeper</c> (keeper pages), each with <c>.ko</c> and <c>.zh</c> translations. Keys are unique
/// across the files; a lookup tries them in that order in <see cref="CultureInfo.CurrentUICulture"/>.
/// A key found nowhere renders as <c>[[key]]</c>, so a leak is visible and tests catch it.
/// Thread-safe (a singleton; <see cref="ResourceManager"/> caches per culture).
/// </summary>
public sealed class UiText
{
    /// <summary>The base names of the resource files, as embedded in the assembly.</summary>
    public static IReadOnlyList<string> BaseNames { get; } =
        ["Yalu.Web.Resources.Shared", "Yalu.Web.Resources.Trader", "Yalu.Web.Resources.Keeper"];

    private static readonly ResourceManager[] Files =
        [.. BaseNames.Select(n => new ResourceManager(n, typeof(UiText).Assembly))];

    /// <summary>The text of <paramref name="key"/> in the current UI culture, or <c>[[key]]</c> when no file has it.</summary>
    public string this[string key] => Find(key, CultureInfo.CurrentUICulture) ?? "[[" + key + "]]";

    /// <summary>The text of <paramref name="key"/> with <paramref name="args"/> formatted in the current culture.</summary>
    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>Whether any resource file has <paramref name="key"/>.</summary>
    public static bool Has(string key) => Find(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>
    /// Texts found, by culture and key. A page asks for dozens of texts and each lookup walks the
    /// files and the culture's parents inside <see cref="ResourceManager"/>; the resources are
    /// embedded and never change, so a found text is kept. Only found keys are kept, so the size is
    /// bounded by the resource files.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Culture, string Key), string> Found = new();

    private static string? Find(string key, CultureInfo culture)
    {
        if (Found.TryGetValue((culture.Name, key), out var kept)) return kept;
        foreach (var file in Files)
        {
            if (file.GetString(key, culture) is { } text) return Found[(culture.Name, key)] = text;
        }
        return null;
    }
}
