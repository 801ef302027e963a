using System.Globalization;
using System.Text;

namespace Yalu.Market.Trading;

/// <summary>
/// A trader's pseudonym: 2–32 characters (Unicode scalar values), each a letter of any script
/// (with its combining marks), a digit, '-', '_' or '.'; no spaces. Handles are unique without
/// regard to case (<see cref="Key"/>). Never a real name: the product asks for none.
/// </summary>
public readonly record struct Handle
{
    /// <summary>The fewest characters a handle has.</summary>
    public const int MinLength = 2;

    /// <summary>The most characters a handle has.</summary>
    public const int MaxLength = 32;

    private Handle(string value) => Value = value;

    /// <summary>The handle as the trader wrote it.</summary>
    public string Value { get; }

    /// <summary>The form handles are compared and indexed by (lower case, invariant).</summary>
    public string Key => Value.ToLowerInvariant();

    /// <summary>Validates <paramref name="text"/>; the error has code <see cref="ErrorCodes.InvalidHandle"/>.</summary>
    public static Result<Handle> Create(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Fail("a handle is required");
        if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
        int count = 0;
        bool previousIsLetter = false;
        foreach (var rune in text.EnumerateRunes())
        {
            count++;
            var category = Rune.GetUnicodeCategory(rune);
            bool letter = Rune.IsLetter(rune);
            bool mark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (mark && !previousIsLetter) return Fail("a combining mark must follow a letter");
            if (!letter && !mark && !Rune.IsDigit(rune) && rune.Value is not ('-' or '_' or '.'))
                return Fail($"'{rune}' is not allowed: use letters, digits, '-', '_' or '.'");
            previousIsLetter = letter || (mark && previousIsLetter);
        }
        if (count < MinLength || count > MaxLength) return Fail($"a handle has {MinLength} to {MaxLength} characters");
        return Result.Ok(new Handle(text));
    }

    /// <summary>Validates <paramref name="text"/> and throws <see cref="ArgumentException"/> when it is not a handle.</summary>
    public static Handle Parse(string text)
    {
        var result = Create(text);
        return result.IsOk ? result.Value : throw new ArgumentException(result.Error.Message, nameof(text));
    }

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";

    private static Result<Handle> Fail(string message) => Result.Fail<Handle>(ErrorCodes.InvalidHandle, message);
}
