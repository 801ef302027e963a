namespace Yalu.Sync;

/// <summary>What is wrong with the first bad event of a chain.</summary>
public enum ChainFault
{
    /// <summary>Nothing: the chain verified.</summary>
    None = 0,

    /// <summary>The event belongs to another node's log.</summary>
    WrongNode,

    /// <summary>The sequence number skips one or more events.</summary>
    SequenceGap,

    /// <summary>The sequence number repeats or goes back.</summary>
    SequenceDuplicate,

    /// <summary>The previous hash is not the hash of the event before.</summary>
    WrongPrevHash,

    /// <summary>The signature does not verify with the node's key.</summary>
    BadSignature,
}
