namespace Yalu.Web.Credit;

/// <summary>A set-off run: its totals and what it cancelled of each IOU.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="At">When it ran.</param>
/// <param name="Obligations">How many accepted IOUs it looked at.</param>
/// <param name="Total">Their total remaining debt before the run.</param>
/// <param name="Cleared">How much it cancelled.</param>
/// <param name="Remaining">What is left: total − cleared.</param>
/// <param name="Ious">Per IOU (only on the response to the run itself): its id, the amount cancelled and what remains.</param>
public sealed record SetoffResponse(string Id, DateTimeOffset At, int Obligations, string Total, string Cleared, string Remaining, IReadOnlyList<SetoffLineResponse> Ious);
