namespace Yalu.Web.Rounds;

/// <summary>How far a round's clearing is.</summary>
/// <param name="Phase">queued, expanding, reducing, solving, storing, done, failed; or interrupted (scheduled or running in a node that stopped).</param>
/// <param name="Percent">0..100.</param>
public sealed record RoundProgressResponse(string Phase, int Percent);
