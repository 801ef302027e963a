namespace Yalu.Testing;

/// <summary>
/// The tests' one clock: it stands still at <see cref="DefaultStart"/> (or a given start) until told
/// to move (<see cref="Advance"/>, <see cref="Now"/>), or, made with <see cref="Ticking"/>, moves by a
/// fixed step every time it is read so every event gets its own time. Thread-safe.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks;
    private readonly long _step;

    /// <summary>2026-02-01 09:00 UTC: a market morning.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A clock standing at <see cref="DefaultStart"/>.</summary>
    public TestClock() : this(DefaultStart) { }

    /// <summary>A clock standing at <paramref name="start"/>.</summary>
    public TestClock(DateTimeOffset start) : this(start, TimeSpan.Zero) { }

    private TestClock(DateTimeOffset start, TimeSpan step)
    {
        _ticks = start.UtcTicks;
        _step = step.Ticks;
    }

    /// <summary>A clock from <paramref name="start"/> (default <see cref="DefaultStart"/>) that moves <paramref name="step"/> at every read.</summary>
    public static TestClock Ticking(TimeSpan step, DateTimeOffset? start = null) => new(start ?? DefaultStart, step);

    /// <summary>The time now, without moving a ticking clock; set it to jump.</summary>
    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() =>
        new(_step == 0 ? Interlocked.Read(ref _ticks) : Interlocked.Add(ref _ticks, _step), TimeSpan.Zero);

    /// <summary>Moves the clock on by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
