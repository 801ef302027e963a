using Yalu.Market.Credit;
using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>A set-off run as posted: its totals and, per IOU it touched, the IOU after the run and the amount cancelled.</summary>
/// <param name="Run">The run: obligations, total, cleared, remaining.</param>
/// <param name="Lines">Each accepted IOU with what the run cancelled of it (0 for those it left alone).</param>
public sealed record SetoffOutcome(SetoffRun Run, IReadOnlyList<(Iou Iou, Money Cancelled)> Lines);
