using Yalu.Web.Security;

namespace Yalu.Web;

/// <summary>
/// Settings of the market node's HTTP API. Every property states its default; <see cref="Validate"/>
/// reports every problem at once and <c>AddYaluWeb</c> calls it.
/// </summary>
public sealed class YaluWebOptions
{
    /// <summary>The largest request body accepted, in bytes. Default 64 KiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest bundle the keeper may upload (/keeper/sync), in bytes. Default 16 MiB (a 10,000-event day is under 2 MB).</summary>
    public int MaxBundleBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How long a login session lasts. Default 30 days.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the first response to a write is kept for retries with the same idempotency key. Default 24 hours.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far back the price board looks for confirmed legs. Default 30 days.</summary>
    public TimeSpan PriceBoardWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a browser session may stay without a page request before the pages log it out. Default 30 minutes.</summary>
    public TimeSpan PageIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The fewest characters of a pass phrase. Default 10.</summary>
    public int MinPassPhraseLength { get; set; } = 10;

    /// <summary>Registrations allowed per minute on the whole node (no addresses are kept, so the limit is global). Default 30.</summary>
    public int RegistrationsPerMinute { get; set; } = 30;

    /// <summary>Failed logins allowed per handle in <see cref="LoginWindow"/>. Default 5.</summary>
    public int LoginFailures { get; set; } = 5;

    /// <summary>The window of <see cref="LoginFailures"/>. Default 15 minutes.</summary>
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The pass-phrase hasher. Default Argon2id at OWASP's minimum cost (tests may pass a cheaper one).</summary>
    public PassphraseHasher Hasher { get; set; } = new();

    /// <summary>Every problem with these settings; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024) problems.Add("MaxRequestBodyBytes is between 1 KiB and 16 MiB");
        if (MaxBundleBytes is < 1024 or > 256 * 1024 * 1024) problems.Add("MaxBundleBytes is between 1 KiB and 256 MiB");
        if (SessionLifetime <= TimeSpan.Zero) problems.Add("SessionLifetime is positive");
        if (PageIdleTimeout <= TimeSpan.Zero || PageIdleTimeout > SessionLifetime) problems.Add("PageIdleTimeout is positive and at most SessionLifetime");
        if (IdempotencyRetention <= TimeSpan.Zero) problems.Add("IdempotencyRetention is positive");
        if (PriceBoardWindow <= TimeSpan.Zero) problems.Add("PriceBoardWindow is positive");
        if (MinPassPhraseLength is < 8 or > 128) problems.Add("MinPassPhraseLength is between 8 and 128");
        if (RegistrationsPerMinute < 1) problems.Add("RegistrationsPerMinute is at least 1");
        if (LoginFailures < 1) problems.Add("LoginFailures is at least 1");
        if (LoginWindow <= TimeSpan.Zero) problems.Add("LoginWindow is positive");
        if (Hasher is null) problems.Add("Hasher is set");
        return problems;
    }
}
