namespace Yalu.Market.Trading;

/// <summary>Where a round is: scheduled → running → cleared | failed.</summary>
public enum RoundState
{
    /// <summary>Created with its parameters, not started.</summary>
    Scheduled,

    /// <summary>The engine is clearing it.</summary>
    Running,

    /// <summary>Cleared: its legs are stored. Final.</summary>
    Cleared,

    /// <summary>The clearing failed or was cancelled; no legs. Final.</summary>
    Failed,
}
