namespace Yalu.Engine;

/// <summary>An arc of an assignment problem: receiver <see cref="From"/> may take sender <see cref="To"/> at <see cref="Cost"/>.</summary>
internal readonly record struct AssignmentArc(int From, int To, long Cost);
