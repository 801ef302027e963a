namespace Yalu.Engine;

/// <summary>A progress report from a solver: the phase it is in and how far through it.</summary>
/// <param name="Phase">A short lower-case description, e.g. "solving".</param>
/// <param name="Done">Units of work done in this phase.</param>
/// <param name="Total">Units of work in this phase.</param>
public readonly record struct ClearingProgress(string Phase, int Done, int Total);
