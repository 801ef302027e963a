namespace Yalu.Engine;

/// <summary>Options of <see cref="MathTradeSolver"/>. Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record MathTradeOptions
{
    /// <summary>
    /// How many solves to run, each breaking ties between equally good trades differently; the one with
    /// the smallest sum of squared loop sizes is kept (TradeMaximizer's <c>ITERATIONS</c>). Default 1.
    /// </summary>
    public int Iterations { get; init; } = 1;

    /// <summary>Seed of the tie-breaking order used by iterations after the first. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>What to optimise after (or, for <see cref="MathTradeOrdering.UsersFirst"/>, before) the exact solve. Default <see cref="MathTradeOrdering.UsersTrading"/>.</summary>
    public MathTradeOrdering Ordering { get; init; } = MathTradeOrdering.UsersTrading;

    /// <summary>The user whose items are favoured under <see cref="MathTradeOrdering.FavorUser"/> (canonical name, without parentheses).</summary>
    public string? FavorUser { get; init; }

    /// <summary>
    /// Budget of the CP-SAT search for the criteria before the loop sizes (users trading, …), shared
    /// equally among them, in CP-SAT's deterministic time (about 2–4 wall seconds per unit on a small
    /// 2-core machine): deterministic, so the same input and seed give the same result. A criterion
    /// stopped by it keeps its best solution and reports its bound; a proof usually comes far sooner.
    /// Default 0.6.
    /// </summary>
    public TimeSpan ImprovementTimeLimit { get; init; } = TimeSpan.FromSeconds(0.6);

    /// <summary>
    /// Budget (deterministic time, as <see cref="ImprovementTimeLimit"/>) of a CP-SAT search for the
    /// smallest sum of squared loop sizes, after the greedy loop splitting that always runs. Default
    /// null: 1 unit for a trade of fewer than <see cref="LargeTrade"/> items, and none (the greedy
    /// splitting only, which keeps a run well under a second) for larger ones.
    /// </summary>
    public TimeSpan? LoopSearchTimeLimit { get; init; }

    /// <summary>The number of items from which the loop search is off by default (1,000).</summary>
    public const int LargeTrade = 1000;

    /// <summary>Explain every item that does not trade and suggest a want that would let it. Default true.</summary>
    public bool Explain { get; init; } = true;

    /// <summary>CP-SAT workers. Default 1, which keeps runs reproducible; more may be faster but can differ between runs.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>The default options: one exact solve, then the users-trading improvement.</summary>
    public static MathTradeOptions Default { get; } = new();

    /// <summary>Every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Iterations < 1) errors.Add($"Iterations must be at least 1 (was {Iterations})");
        if (Ordering == MathTradeOrdering.FavorUser && string.IsNullOrEmpty(FavorUser)) errors.Add("FavorUser must name a user when Ordering is FavorUser");
        if (ImprovementTimeLimit <= TimeSpan.Zero) errors.Add($"ImprovementTimeLimit must be positive (was {ImprovementTimeLimit})");
        if (LoopSearchTimeLimit is { } loops && loops < TimeSpan.Zero) errors.Add($"LoopSearchTimeLimit must not be negative (was {LoopSearchTimeLimit})");
        if (Workers < 1) errors.Add($"Workers must be at least 1 (was {Workers})");
        return errors;
    }
}
