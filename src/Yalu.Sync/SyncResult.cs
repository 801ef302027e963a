namespace Yalu.Sync;

/// <summary>Factories for <see cref="SyncResult{T}"/>.</summary>
public static class SyncResult
{
    /// <summary>A successful result.</summary>
    public static SyncResult<T> Ok<T>(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static SyncResult<T> Fail<T>(SyncError error) => new(default!, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>A failed result with a new error.</summary>
    public static SyncResult<T> Fail<T>(string code, string message) => Fail<T>(new SyncError(code, message));
}
