namespace Yalu.Web.Credit;

/// <summary>A creditor records that <paramref name="Debtor"/> owes them <paramref name="Amount"/>.</summary>
/// <param name="Debtor">The debtor's handle.</param>
/// <param name="Amount">A positive amount, "12.50".</param>
/// <param name="Memo">An optional note for the two of them (at most 200 characters; never logged).</param>
public sealed record ProposeIouRequest(string? Debtor, string? Amount, string? Memo);
