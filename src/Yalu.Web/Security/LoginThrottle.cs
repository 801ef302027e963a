namespace Yalu.Web.Security;

/// <summary>
/// Limits failed logins per handle: at most <see cref="MaxFailures"/> in any
/// <see cref="Window"/> (default 5 per 15 minutes). Keyed by handle, not by address: no IP
/// addresses are kept. The clock is injected. Thread-safe; memory stays bounded because entries
/// expire with their window.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>Failures allowed per window. Default 5.</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>The sliding window. Default 15 minutes.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether a login for <paramref name="handle"/> may be tried now; when not, how long until it may.</summary>
    public bool MayTry(string handle, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            retryAfter = TimeSpan.Zero;
            if (!_failures.TryGetValue(handle, out var queue)) return true;
            Expire(queue, now);
            if (queue.Count == 0)
            {
                _failures.Remove(handle);
                return true;
            }
            if (queue.Count < MaxFailures) return true;
            retryAfter = queue.Peek() + Window - now;
            return false;
        }
    }

    /// <summary>Records a failed login.</summary>
    public void Failed(string handle)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_failures.TryGetValue(handle, out var queue)) _failures[handle] = queue = new Queue<DateTimeOffset>();
            Expire(queue, now);
            queue.Enqueue(now);
        }
    }

    /// <summary>Forgets the failures of <paramref name="handle"/> after a successful login.</summary>
    public void Succeeded(string handle)
    {
        lock (_gate) _failures.Remove(handle);
    }

    private void Expire(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() + Window <= now) queue.Dequeue();
    }
}
