namespace Yalu.Market.Setoff;

/// <summary>
/// One debt in an obligation network: <paramref name="Debtor"/> owes <paramref name="Creditor"/>
/// <paramref name="Amount"/> units (the network decides the unit: fen in the ledger, whole units in
/// the mtcs data sets). Parties are dense indices 0..n−1; a caller with its own keys (trader ids,
/// firm numbers in a file) maps them to indices first. Checked by <see cref="ObligationNetwork"/>:
/// the amount is positive and the two parties differ.
/// </summary>
/// <param name="Debtor">Index of the party that owes.</param>
/// <param name="Creditor">Index of the party that is owed.</param>
/// <param name="Amount">What is owed, in the network's unit; positive.</param>
public readonly record struct Obligation(int Debtor, int Creditor, long Amount);
