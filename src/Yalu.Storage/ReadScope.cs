namespace Yalu.Storage;

/// <summary>
/// The event-log seq one asynchronous flow (an HTTP request) has seen, so that its kept reads after
/// the first need no lookup of their own (<see cref="IMarketStore.BeginReadScope"/>). The flow sees
/// the market as it was at its first read, which is never older than the flow itself; a commit in
/// the flow forgets the seq, so the flow reads its own writes. Once disposed the scope knows no seq
/// any more, so work that outlives its request (and inherited the flow) looks the seq up itself.
/// Thread-safe.
/// </summary>
internal sealed class ReadScope : IDisposable
{
    private const long None = -1;
    private const long Ended = -2;
    private static readonly AsyncLocal<ReadScope?> Flow = new();
    private readonly ReadScope? _outer;
    private long _seq = None;

    private ReadScope(ReadScope? outer) => _outer = outer;

    /// <summary>The scope of the current flow, if one was begun.</summary>
    public static ReadScope? Current => Flow.Value;

    /// <summary>The seq this flow has seen, or null before its first read, after a write and after the scope ended.</summary>
    public long? Seq => Volatile.Read(ref _seq) is >= 0 and var seq ? seq : null;

    /// <summary>Starts a scope for the current flow.</summary>
    public static ReadScope Begin() => Flow.Value = new ReadScope(Flow.Value);

    /// <summary>Records the seq the flow has just read.</summary>
    public void Saw(long seq) => Set(seq);

    /// <summary>Forgets the seq (after a write in the flow).</summary>
    public void Forget() => Set(None);

    /// <inheritdoc/>
    public void Dispose()
    {
        Interlocked.Exchange(ref _seq, Ended);
        if (Flow.Value == this) Flow.Value = _outer;
    }

    private void Set(long seq)
    {
        long current;
        do
        {
            current = Volatile.Read(ref _seq);
            if (current == Ended) return;
        }
        while (Interlocked.CompareExchange(ref _seq, seq, current) != current);
    }
}
