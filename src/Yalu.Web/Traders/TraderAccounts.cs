using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Auth;
using Yalu.Web.Security;

namespace Yalu.Web.Traders;

/// <summary>
/// Registration and login, shared by the JSON API and the pages so both check the same rules, count
/// the same failed logins and issue the same session cookie.
/// </summary>
internal static class TraderAccounts
{
    /// <summary>The code of a pass phrase that is too short or too long.</summary>
    public const string PassPhraseLength = "pass-phrase-length";

    /// <summary>The code of an unknown side.</summary>
    public const string InvalidSide = "invalid-side";

    /// <summary>The code of an unknown language.</summary>
    public const string InvalidLanguage = "invalid-language";

    /// <summary>A validated registration.</summary>
    public sealed record Registration(Handle Handle, string PassPhrase, Side Side, Language Language);

    /// <summary>Checks a registration; every invalid field is reported.</summary>
    public static (Registration? Registration, List<FieldError> Errors) Validate(RegisterRequest request, YaluWebOptions options)
    {
        var errors = new List<FieldError>();
        var handle = Handle.Create(request.Handle);
        if (!handle.IsOk) errors.Add(new FieldError("handle", handle.Error.Code, handle.Error.Message));
        string phrase = (request.PassPhrase ?? "").Normalize(NormalizationForm.FormC);
        int min = options.MinPassPhraseLength;
        int length = new StringInfo(phrase).LengthInTextElements;
        if (length < min || phrase.Length > 256) errors.Add(new FieldError("passPhrase", PassPhraseLength, $"a pass phrase has {min} to 256 characters"));
        if (!Wire.TryParseSide(request.Side, Side.Hyesan, out var side)) errors.Add(new FieldError("side", InvalidSide, "side is 'hyesan' or 'changbai'"));
        if (!Wire.TryParseLanguage(request.Language, Language.Ko, out var language)) errors.Add(new FieldError("language", InvalidLanguage, "language is 'ko', 'zh' or 'en'"));
        return errors.Count > 0 ? (null, errors) : (new Registration(handle.Value, phrase, side, language), errors);
    }

    /// <summary>Stores a validated registration: the trader (role trader, no credit) and the pass phrase's hash.</summary>
    public static async Task<Result<Trader>> RegisterAsync(Registration registration, IMarketStore store, YaluWebOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var trader = Trader.Register(registration.Handle, registration.Side, registration.Language, clock);
        var added = await store.AddTraderAsync(trader, trader.Id, cancellationToken);
        if (!added.IsOk) return added;
        await store.SetCredentialAsync(trader.Id, options.Hasher.Hash(registration.PassPhrase), trader.Id, cancellationToken);
        return Result.Ok(trader);
    }

    /// <summary>How a login went.</summary>
    public enum LoginStatus
    {
        /// <summary>Logged in: a session was stored and its cookie set.</summary>
        Ok,

        /// <summary>A handle or pass phrase is missing or malformed.</summary>
        Malformed,

        /// <summary>The handle or the pass phrase is wrong (which one is not said).</summary>
        Invalid,

        /// <summary>Too many failures for this handle; try again after <see cref="LoginOutcome.RetryAfter"/>.</summary>
        Throttled,
    }

    /// <summary>The result of a login.</summary>
    public sealed record LoginOutcome(LoginStatus Status, Trader? Trader, string? Token, DateTimeOffset ExpiresAt, TimeSpan RetryAfter, string? MalformedField);

    /// <summary>
    /// Logs in: the per-handle throttle, a constant-work verification (a stand-in hash for unknown
    /// handles), then a new session whose token goes into the HttpOnly, SameSite=Strict cookie
    /// (Secure over HTTPS).
    /// </summary>
    public static async Task<LoginOutcome> LoginAsync(
        HttpContext context, string? handleText, string? passPhrase, IMarketStore store, IWebStateStore sessions, LoginThrottle throttle,
        YaluWebOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var handle = Handle.Create(handleText);
        if (!handle.IsOk || string.IsNullOrEmpty(passPhrase))
            return new LoginOutcome(LoginStatus.Malformed, null, null, default, default, !handle.IsOk ? "handle" : "passPhrase");
        string key = handle.Value.Key;
        if (!throttle.MayTry(key, out var wait)) return new LoginOutcome(LoginStatus.Throttled, null, null, default, wait, null);
        var trader = await store.FindTraderAsync(handle.Value, cancellationToken);
        string? hash = trader is null ? null : await store.GetCredentialAsync(trader.Id, cancellationToken);
        // Verify against a stand-in when the handle is unknown, so the time taken does not tell which handles exist.
        bool ok = PassphraseHasher.Verify(passPhrase, hash ?? DummyHash(options.Hasher)) && trader is not null && hash is not null;
        if (!ok || trader is null)
        {
            throttle.Failed(key);
            return new LoginOutcome(LoginStatus.Invalid, null, null, default, default, null);
        }
        throttle.Succeeded(key);

        string token = SessionToken.Create();
        var expires = clock.GetUtcNow() + options.SessionLifetime;
        await sessions.AddSessionAsync(SessionToken.StoredForm(token), trader.Id, expires, cancellationToken);
        context.Response.Cookies.Append(YaluAuth.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
        return new LoginOutcome(LoginStatus.Ok, trader, token, expires, default, null);
    }

    private static string? _dummyHash;

    private static string DummyHash(PassphraseHasher hasher) => _dummyHash ??= hasher.Hash("not a pass phrase anybody has");
}
