using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Yalu.Web.Ui;

/// <summary>
/// The node-wide limit on registrations through the register page
/// (<see cref="YaluWebOptions.RegistrationsPerMinute"/> a minute, like the API's own limit; no
/// addresses are kept, so it cannot be per client). Only the POST counts: looking at the form is free.
/// Thread-safe; one per node.
/// </summary>
public sealed class PageRegistrationLimiter(IOptions<YaluWebOptions> options) : IDisposable
{
    private readonly FixedWindowRateLimiter _limiter = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = options.Value.RegistrationsPerMinute,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    });

    /// <summary>Takes one registration from this minute's allowance; false when it is used up.</summary>
    public bool TryTake()
    {
        using var lease = _limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();
}
