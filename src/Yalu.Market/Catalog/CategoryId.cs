namespace Yalu.Market.Catalog;

/// <summary>
/// A catalog category's code, e.g. "grain", "fuel", "seafood": 1–32 ASCII lower-case letters,
/// digits and '-', starting with a letter.
/// </summary>
public readonly record struct CategoryId
{
    private CategoryId(string value) => Value = value;

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>Grain: an essential category.</summary>
    public static CategoryId Grain => new("grain");

    /// <summary>Fuel: an essential category.</summary>
    public static CategoryId Fuel => new("fuel");

    /// <summary>Whether <paramref name="text"/> is a valid code.</summary>
    public static bool IsValid(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 32 && char.IsAsciiLetterLower(text[0])
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>Validates <paramref name="text"/>; throws <see cref="ArgumentException"/> when it is not a code.</summary>
    public static CategoryId Parse(string text) =>
        IsValid(text) ? new(text) : throw new ArgumentException($"'{text}' is not a category code like grain", nameof(text));

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
