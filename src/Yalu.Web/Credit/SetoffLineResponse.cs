namespace Yalu.Web.Credit;

/// <summary>What a set-off run did to one IOU.</summary>
/// <param name="Id">The IOU.</param>
/// <param name="Debtor">Who owes.</param>
/// <param name="Creditor">Who is owed.</param>
/// <param name="Setoff">The amount cancelled.</param>
/// <param name="Remainder">What remains of it.</param>
public sealed record SetoffLineResponse(string Id, string Debtor, string Creditor, string Setoff, string Remainder);
