namespace Yalu.Storage;

/// <summary>
/// A lock held in the store (on PostgreSQL an advisory lock on a connection of its own, so it ends
/// when the holding node's connection does, even if the node dies). Released once, by whichever of
/// <see cref="Dispose"/> or <see cref="DisposeAsync"/> comes first. Thread-safe.
/// </summary>
public sealed class StoreLock : IDisposable, IAsyncDisposable
{
    private readonly Action _release;
    private readonly Func<ValueTask> _releaseAsync;
    private int _released;

    /// <summary>A lock that <paramref name="release"/> or <paramref name="releaseAsync"/> lets go of.</summary>
    public StoreLock(Action release, Func<ValueTask> releaseAsync)
    {
        _release = release ?? throw new ArgumentNullException(nameof(release));
        _releaseAsync = releaseAsync ?? throw new ArgumentNullException(nameof(releaseAsync));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _release();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? _releaseAsync() : ValueTask.CompletedTask;
}
