namespace Yalu.Market.Credit;

/// <summary>Where an IOU is: proposed → accepted → settled; proposed → declined.</summary>
public enum IouState
{
    /// <summary>The creditor recorded it; the debtor has not answered.</summary>
    Proposed,

    /// <summary>The debtor accepted it: it is on the ledger and takes part in set-off runs.</summary>
    Accepted,

    /// <summary>The debtor or the creditor declined it before acceptance. Final.</summary>
    Declined,

    /// <summary>Set-off runs cancelled all of it. Final.</summary>
    Settled,
}
