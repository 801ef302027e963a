using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Security;

namespace Yalu.Web.Application;

/// <summary>
/// Registration and login, for <c>/api/traders</c> and the pages alike, so both check the same rules
/// and count the same failed logins. The session cookie is set by the caller at the HTTP edge
/// (<see cref="Auth.SessionCookie"/>). Thread-safe; one per node.
/// </summary>
public sealed class TraderService(IMarketStore store, IWebStateStore sessions, LoginThrottle throttle, IOptions<YaluWebOptions> options, TimeProvider clock)
{
    /// <summary>The longest pass phrase, in UTF-16 code units.</summary>
    public const int MaxPassPhraseLength = 256;

    private string? _dummyHash;

    /// <summary>Checks a registration; every invalid field is reported.</summary>
    public Outcome<Registration> Check(string? handleText, string? passPhrase, string? sideText, string? languageText)
    {
        var errors = new List<FieldError>();
        var handle = Handle.Create(handleText);
        if (!handle.IsOk) errors.Add(new FieldError("handle", handle.Error.Code, handle.Error.Message));
        string phrase = (passPhrase ?? "").Normalize(NormalizationForm.FormC);
        int min = options.Value.MinPassPhraseLength;
        int length = new StringInfo(phrase).LengthInTextElements;
        if (length < min || phrase.Length > MaxPassPhraseLength)
            errors.Add(new FieldError("passPhrase", UseCaseCodes.PassPhraseLength, $"a pass phrase has {min} to {MaxPassPhraseLength} characters"));
        if (!Wire.TryParseSide(sideText, Side.Hyesan, out var side)) errors.Add(new FieldError("side", UseCaseCodes.InvalidSide, "side is 'hyesan' or 'changbai'"));
        if (!Wire.TryParseLanguage(languageText, Language.Ko, out var language))
            errors.Add(new FieldError("language", UseCaseCodes.InvalidLanguage, "language is 'ko', 'zh' or 'en'"));
        return errors.Count > 0 ? Outcome.Invalid<Registration>(errors) : Outcome.Ok(new Registration(handle.Value, phrase, side, language));
    }

    /// <summary>Stores a checked registration: the trader (role trader, no credit) and the pass phrase's hash.</summary>
    public async Task<Outcome<Trader>> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var trader = Trader.Register(registration.Handle, registration.Side, registration.Language, clock);
        var added = await store.AddTraderAsync(trader, trader.Id, cancellationToken);
        if (!added.IsOk) return Outcome.Fail<Trader>(added.Error);
        await store.SetCredentialAsync(trader.Id, options.Value.Hasher.Hash(registration.PassPhrase), trader.Id, cancellationToken);
        return Outcome.Ok(trader);
    }

    /// <summary>
    /// Logs in: the per-handle throttle, a constant-work verification (a stand-in hash for unknown
    /// handles, so the time taken does not tell which handles exist), then a new stored session.
    /// </summary>
    public async Task<LoginOutcome> LoginAsync(string? handleText, string? passPhrase, CancellationToken cancellationToken = default)
    {
        var handle = Handle.Create(handleText);
        if (!handle.IsOk || string.IsNullOrEmpty(passPhrase))
            return new LoginOutcome(LoginStatus.Malformed, null, null, default, default, !handle.IsOk ? "handle" : "passPhrase");
        string key = handle.Value.Key;
        if (!throttle.MayTry(key, out var wait)) return new LoginOutcome(LoginStatus.Throttled, null, null, default, wait, null);
        var trader = await store.FindTraderAsync(handle.Value, cancellationToken);
        string? hash = trader is null ? null : await store.GetCredentialAsync(trader.Id, cancellationToken);
        bool ok = PassphraseHasher.Verify(passPhrase, hash ?? DummyHash()) && trader is not null && hash is not null;
        if (!ok || trader is null)
        {
            throttle.Failed(key);
            return new LoginOutcome(LoginStatus.Invalid, null, null, default, default, null);
        }
        throttle.Succeeded(key);

        string token = SessionToken.Create();
        var expires = clock.GetUtcNow() + options.Value.SessionLifetime;
        await sessions.AddSessionAsync(SessionToken.StoredForm(token), trader.Id, expires, cancellationToken);
        return new LoginOutcome(LoginStatus.Ok, trader, token, expires, default, null);
    }

    private string DummyHash() => _dummyHash ??= options.Value.Hasher.Hash("not a pass phrase anybody has");
}
