namespace Yalu.Market.Credit;

/// <summary>A <see cref="LedgerEntry"/> as the store keeps it: numbered in posting order and dated.</summary>
/// <param name="Seq">Its number, increasing in posting order.</param>
/// <param name="At">When it was posted.</param>
/// <param name="Entry">The entry.</param>
public sealed record PostedEntry(long Seq, DateTimeOffset At, LedgerEntry Entry);
