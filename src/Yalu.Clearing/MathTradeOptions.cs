namespace Yalu.Clearing;

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

    /// <summary>The default options: one solve.</summary>
    public static MathTradeOptions Default { get; } = new();

    /// <summary>Every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Iterations < 1) errors.Add($"Iterations must be at least 1 (was {Iterations})");
        return errors;
    }
}
