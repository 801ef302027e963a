namespace Yalu.Market.Catalog;

/// <summary>
/// The unit a good is counted in, e.g. "kg", "piece", "geun_600g": 1–24 ASCII lower-case letters,
/// digits and '_', starting with a letter.
/// </summary>
public readonly record struct UnitCode
{
    private UnitCode(string value) => Value = value;

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="text"/> is a valid code.</summary>
    public static bool IsValid(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 24 && char.IsAsciiLetterLower(text[0])
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>Validates <paramref name="text"/>; throws <see cref="ArgumentException"/> when it is not a code.</summary>
    public static UnitCode Parse(string text) =>
        IsValid(text) ? new(text) : throw new ArgumentException($"'{text}' is not a unit code like kg", nameof(text));

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
