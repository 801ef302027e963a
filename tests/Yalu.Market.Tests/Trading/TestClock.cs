namespace Yalu.Market.Tests.Trading;

/// <summary>A clock that stands still until told to move.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public TestClock() : this(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero)) { }

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
