namespace Yalu.Market.Catalog;

/// <summary>A catalog good's code, e.g. "G01": 1–8 ASCII upper-case letters and digits, starting with a letter.</summary>
public readonly record struct GoodId
{
    private GoodId(string value) => Value = value;

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="text"/> is a valid code.</summary>
    public static bool IsValid(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 8 && char.IsAsciiLetterUpper(text[0])
        && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary>Validates <paramref name="text"/>; throws <see cref="ArgumentException"/> when it is not a code.</summary>
    public static GoodId Parse(string text) =>
        IsValid(text) ? new(text) : throw new ArgumentException($"'{text}' is not a good code like G01", nameof(text));

    /// <summary>Parses like <see cref="Parse"/>; false on invalid input.</summary>
    public static bool TryParse(string? text, out GoodId id)
    {
        id = IsValid(text) ? new(text!) : default;
        return IsValid(text);
    }

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
