namespace Yalu.Sync;

/// <summary>
/// What <see cref="EventChain.Verify"/> found: how many events verified, where the chain stands after
/// them, and, when one failed, which (its index in the input and the event) and why.
/// </summary>
public sealed class ChainCheck
{
    internal ChainCheck(int verified, ChainTip tip, int failedIndex, SignedEvent? failedEvent, ChainFault fault, SyncError? error)
    {
        Verified = verified;
        Tip = tip;
        FailedIndex = failedIndex;
        FailedEvent = failedEvent;
        Fault = fault;
        Error = error;
    }

    /// <summary>True when every event verified.</summary>
    public bool IsValid => Fault == ChainFault.None;

    /// <summary>The number of events that verified, all before the failed one.</summary>
    public int Verified { get; }

    /// <summary>The chain's tip after the last event that verified.</summary>
    public ChainTip Tip { get; }

    /// <summary>The 0-based position of the first bad event in the input, or -1.</summary>
    public int FailedIndex { get; }

    /// <summary>The first bad event, or null.</summary>
    public SignedEvent? FailedEvent { get; }

    /// <summary>Why it is bad, or <see cref="ChainFault.None"/>.</summary>
    public ChainFault Fault { get; }

    /// <summary>The error naming the first bad event (code SY06x), or null.</summary>
    public SyncError? Error { get; }

    /// <inheritdoc/>
    public override string ToString() => IsValid ? $"ok: {Verified} events, tip {Tip.Seq}" : Error!.ToString();
}
