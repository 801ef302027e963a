namespace Yalu.Engine.Capped;

/// <summary>Options of <see cref="CappedSolver"/>. Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record CappedOptions
{
    /// <summary>The most items in a loop (k). Default 3; 0 or 1 allows no loops.</summary>
    public int MaxCycle { get; init; } = 3;

    /// <summary>The most legs in a chain (L), the donor's own gift included. Default 0: no chains.</summary>
    public int MaxChain { get; init; }

    /// <summary>
    /// Wall-clock limit of the solve. When it is reached the best solution found is returned with its
    /// proven bound and gap, as <c>Feasible</c>. Default null: no limit.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>What is maximised. Default <see cref="CappedWeights.Given"/>.</summary>
    public CappedWeights Weights { get; init; } = CappedWeights.Given;

    /// <summary>How parts are modelled. Default <see cref="CappedFormulation.Auto"/>.</summary>
    public CappedFormulation Formulation { get; init; } = CappedFormulation.Auto;

    /// <summary>Seed of CP-SAT's search. Default 1. The same graph, options and seed give the same result.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>CP-SAT worker threads. Default 2 (fixed rather than per machine, so that results do not depend on it).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>
    /// Most loops enumerated for one part before the solver gives up enumerating (memory: about 24
    /// bytes a loop). Default 40,000,000.
    /// </summary>
    public long MaxEnumeratedCycles { get; init; } = 40_000_000;

    /// <summary>The default options: loops of at most 3 items, no chains.</summary>
    public static CappedOptions Default { get; } = new();

    /// <summary>Every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxCycle < 0) errors.Add($"MaxCycle must not be negative (was {MaxCycle})");
        if (MaxChain < 0) errors.Add($"MaxChain must not be negative (was {MaxChain})");
        if (TimeLimit is { } limit && limit <= TimeSpan.Zero) errors.Add($"TimeLimit must be positive (was {limit})");
        if (Workers is < 1 or > 64) errors.Add($"Workers must be between 1 and 64 (was {Workers})");
        if (MaxEnumeratedCycles < 1) errors.Add($"MaxEnumeratedCycles must be positive (was {MaxEnumeratedCycles})");
        if (!Enum.IsDefined(Weights)) errors.Add($"Weights has an unknown value ({Weights})");
        if (!Enum.IsDefined(Formulation)) errors.Add($"Formulation has an unknown value ({Formulation})");
        return errors;
    }
}
