using System.Collections.Concurrent;

namespace Yalu.Storage;

/// <summary>
/// Read results kept in memory, each tagged with the event-log sequence number the market was at
/// when it was read. Every write that changes market data appends an <c>event_log</c> row in its own
/// transaction (and on PostgreSQL under the writers' advisory lock, so sequence numbers commit in
/// order); the highest <c>seq</c> therefore names the market's state. The store asks the database
/// for it on every read (once per <see cref="ReadScope"/>) and serves a kept result only when it is
/// still the same, so a committed write, by this process or by another node on the same database,
/// is never hidden from a read that starts after it. A result is
/// kept only when the highest <c>seq</c> was the same before and after it was read, so no write can
/// have slipped in between. Thread-safe: a snapshot only ever gains results for its own
/// <c>seq</c> and is replaced whole when the <c>seq</c> moves.
/// </summary>
internal sealed class ReadCache
{
    private Snapshot _current = new(-1);

    /// <summary>The result kept under <paramref name="key"/> when the market is still at <paramref name="seq"/>.</summary>
    public bool TryGet<T>(long seq, string key, out T? value) where T : class
    {
        var current = Volatile.Read(ref _current);
        if (current.Seq == seq && current.Results.TryGetValue(key, out var kept))
        {
            value = (T)kept;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/>, read entirely while the market was at <paramref name="seq"/>.</summary>
    public void Put(long seq, string key, object value)
    {
        var current = Volatile.Read(ref _current);
        if (current.Seq == seq)
        {
            current.Results[key] = value;
            return;
        }
        var next = new Snapshot(seq);
        next.Results[key] = value;
        // A reader that lost the race simply does not keep its result; correctness never depends on it.
        Interlocked.CompareExchange(ref _current, next, current);
    }

    private sealed class Snapshot(long seq)
    {
        public long Seq { get; } = seq;

        public ConcurrentDictionary<string, object> Results { get; } = new(StringComparer.Ordinal);
    }
}
