namespace Yalu.Market.Credit;

/// <summary>Identifies one IOU. A version-7 GUID, so ids sort by creation time; never empty.</summary>
public readonly record struct IouId
{
    /// <summary>Wraps an existing id; throws when <paramref name="value"/> is empty.</summary>
    public IouId(Guid value)
    {
        if (value == Guid.Empty) throw new ArgumentException("an id cannot be empty", nameof(value));
        Value = value;
    }

    /// <summary>The underlying GUID.</summary>
    public Guid Value { get; }

    /// <summary>A new id stamped with <paramref name="clock"/>'s current time (the clock is injected, never read directly).</summary>
    public static IouId New(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(Guid.CreateVersion7(clock.GetUtcNow()));
    }

    /// <summary>Parses the canonical form written by <see cref="ToString"/>; false for anything else or an empty id.</summary>
    public static bool TryParse(string? text, out IouId id)
    {
        id = default;
        if (!Guid.TryParseExact(text, "D", out var guid) || guid == Guid.Empty) return false;
        id = new(guid);
        return true;
    }

    /// <summary>The id as a lower-case hyphenated GUID.</summary>
    public override string ToString() => Value.ToString("D");
}
