namespace Yalu.Web.Application;

/// <summary>A creditor's IOU as typed or sent: the debtor's handle, the amount ("12.50") and an optional memo (never logged).</summary>
/// <param name="Debtor">The handle of who owes.</param>
/// <param name="Amount">How much, in CNY.</param>
/// <param name="Memo">A note for the two of them.</param>
public sealed record IouDraft(string? Debtor, string? Amount, string? Memo);
