namespace Yalu.Web.Idempotency;

/// <summary>
/// Endpoint metadata: the endpoint accepts an Idempotency-Key but its response is never recorded or
/// replayed, because it carries a secret (a login's session token must not be stored in clear).
/// </summary>
public sealed class SkipIdempotencyReplay
{
    /// <summary>The one instance.</summary>
    public static SkipIdempotencyReplay Instance { get; } = new();

    private SkipIdempotencyReplay()
    {
    }
}
