namespace Yalu.Web.Application;

/// <summary>What importing a checked bulletin from the other bank did.</summary>
public enum BulletinImportStatus
{
    /// <summary>Stored; the price board now shows it.</summary>
    Imported,

    /// <summary>Stored in place of a different bulletin of the same market and day; the board shows it.</summary>
    Replaced,

    /// <summary>The very same bulletin was imported before: nothing changed.</summary>
    AlreadyImported,

    /// <summary>Stored, but the board keeps showing a newer bulletin of that market.</summary>
    OlderThanShown,
}
