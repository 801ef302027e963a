using Yalu.Market.Trading;

namespace Yalu.Web.Rounds;

/// <summary>A round's parameters as the API shows them.</summary>
/// <param name="CycleCap">The most lots in one loop.</param>
/// <param name="ChainCap">The most legs in one chain (0: no chains).</param>
/// <param name="Objective">count, value, preference or essentials.</param>
/// <param name="TimeLimitSeconds">The engine's time limit.</param>
/// <param name="Credit">Whether credit limits bound the round.</param>
public sealed record RoundParametersResponse(int CycleCap, int ChainCap, string Objective, double TimeLimitSeconds, bool Credit)
{
    /// <summary>The response for <paramref name="parameters"/>.</summary>
    public static RoundParametersResponse From(RoundParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new(parameters.CycleCap, parameters.ChainCap, RoundWire.Of(parameters.Objective), parameters.TimeLimit.TotalSeconds, parameters.Credit);
    }
}
