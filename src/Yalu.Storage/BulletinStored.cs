namespace Yalu.Storage;

/// <summary>What storing an imported bulletin did.</summary>
public enum BulletinStored
{
    /// <summary>No bulletin of that market and day was stored before: it is now.</summary>
    Added,

    /// <summary>A different bulletin of the same market and day was stored: this one replaced it.</summary>
    Replaced,

    /// <summary>The very same bulletin was stored already: nothing changed, no event.</summary>
    Unchanged,
}
