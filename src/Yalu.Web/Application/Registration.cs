using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>A checked registration (<see cref="TraderService.Check"/>), ready to store.</summary>
/// <param name="Handle">The made-up handle.</param>
/// <param name="PassPhrase">The pass phrase, NFC-normalised; only its hash is stored, it is never logged.</param>
/// <param name="Side">The trader's bank.</param>
/// <param name="Language">The trader's language.</param>
public sealed record Registration(Handle Handle, string PassPhrase, Side Side, Language Language)
{
    /// <summary>Never shows the pass phrase.</summary>
    public override string ToString() => $"Registration {{ Handle = {Handle}, Side = {Side}, Language = {Language} }}";
}
