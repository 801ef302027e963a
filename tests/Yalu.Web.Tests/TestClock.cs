namespace Yalu.Web.Tests;

/// <summary>A clock the test moves; starts at real time so SQLite and PostgreSQL timestamps look ordinary. Thread-safe.</summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
