namespace Yalu.Market.Trading;

/// <summary>
/// How a round clears: loops of at most <see cref="CycleCap"/> lots (2..6), chains from donor lots
/// of at most <see cref="ChainCap"/> legs (0..10, 0 = no chains), an objective and a time limit
/// (1 s..1 h), and whether credit limits bind the clearing. Defaults: cycle cap 3, chain cap 0,
/// <see cref="RoundObjective.Count"/>, 30 s, credit off.
/// </summary>
public sealed record RoundParameters
{
    private RoundParameters(int cycleCap, int chainCap, RoundObjective objective, TimeSpan timeLimit, bool credit)
    {
        Credit = credit;
        CycleCap = cycleCap;
        ChainCap = chainCap;
        Objective = objective;
        TimeLimit = timeLimit;
    }

    /// <summary>The smallest cycle cap: a loop has at least two lots.</summary>
    public const int MinCycleCap = 2;

    /// <summary>The largest cycle cap: people must be able to meet.</summary>
    public const int MaxCycleCap = 6;

    /// <summary>The smallest chain cap (0: no chains).</summary>
    public const int MinChainCap = 0;

    /// <summary>The largest chain cap.</summary>
    public const int MaxChainCap = 10;

    /// <summary>The shortest time limit, in seconds.</summary>
    public const int MinTimeLimitSeconds = 1;

    /// <summary>The longest time limit, in seconds (one hour).</summary>
    public const int MaxTimeLimitSeconds = 3600;

    /// <summary>Cycle cap 3, no chains, count, 30 seconds.</summary>
    public static RoundParameters Default { get; } = new(3, 0, RoundObjective.Count, TimeSpan.FromSeconds(30), credit: false);

    /// <summary>The most lots in one loop.</summary>
    public int CycleCap { get; }

    /// <summary>The most legs in one chain (0: no chains).</summary>
    public int ChainCap { get; }

    /// <summary>What is maximised.</summary>
    public RoundObjective Objective { get; }

    /// <summary>How long the engine may search before returning its best with a gap.</summary>
    public TimeSpan TimeLimit { get; }

    /// <summary>
    /// Whether the round respects credit limits: it never creates legs that would take a trader's
    /// projected balance below minus their limit (a side constraint of the clearing; docs/credit.md).
    /// </summary>
    public bool Credit { get; }

    /// <summary>Validates all four at once; the error (<see cref="ErrorCodes.InvalidRoundParameters"/>) lists every problem.</summary>
    public static Result<RoundParameters> Create(int cycleCap, int chainCap, RoundObjective objective, TimeSpan timeLimit, bool credit = false)
    {
        var errors = new List<string>();
        if (cycleCap is < MinCycleCap or > MaxCycleCap) errors.Add($"cycle cap {cycleCap} is not in {MinCycleCap}..{MaxCycleCap}");
        if (chainCap is < MinChainCap or > MaxChainCap) errors.Add($"chain cap {chainCap} is not in {MinChainCap}..{MaxChainCap}");
        if (!Enum.IsDefined(objective)) errors.Add($"objective {objective} is unknown");
        if (timeLimit < TimeSpan.FromSeconds(MinTimeLimitSeconds) || timeLimit > TimeSpan.FromSeconds(MaxTimeLimitSeconds))
            errors.Add($"time limit {timeLimit} is not in {MinTimeLimitSeconds} s..{MaxTimeLimitSeconds} s");
        return errors.Count > 0
            ? Result.Fail<RoundParameters>(ErrorCodes.InvalidRoundParameters, string.Join("; ", errors))
            : Result.Ok(new RoundParameters(cycleCap, chainCap, objective, timeLimit, credit));
    }
}
