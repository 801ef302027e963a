using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Rounds;

/// <summary>
/// The market's one lane for clearing. In this node, at most one round is queued or running at a
/// time (<see cref="TryReserve"/> … <see cref="Release"/>), handed to <see cref="RoundWorker"/> through
/// a channel, with each round's <see cref="RoundStatus"/> for the API. Across the nodes sharing the
/// database, the round holding this node's lane must also hold the store's clearing lock
/// (<see cref="TryClaimMarketAsync"/>, kept until <see cref="Release"/>); the store's
/// <c>rounds_one_active</c> index backs both. Thread-safe; one per node.
/// </summary>
public sealed class RoundScheduler(IMarketStore store, IMarketLocks locks, TimeProvider clock, ILogger<RoundScheduler> logger)
{
    /// <summary>What an orphaned round's status says.</summary>
    public const string OrphanedReason = "the node clearing this round stopped before it finished; start another round";

    private readonly Channel<RoundId> _channel = Channel.CreateUnbounded<RoundId>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<RoundId, RoundStatus> _status = new();
    private readonly Lock _gate = new();
    private RoundId? _active;
    private StoreLock? _clearing;

    /// <summary>The rounds to clear, in order.</summary>
    public ChannelReader<RoundId> Reader => _channel.Reader;

    /// <summary>The round holding the lane, or null.</summary>
    public RoundId? Active
    {
        get
        {
            lock (_gate) return _active;
        }
    }

    /// <summary>
    /// Claims the lane for <paramref name="round"/>; false when another round holds it, unless that
    /// one is <paramref name="replacing"/> (a round already final in the store whose worker is still
    /// finishing: the channel is read by one worker, so the new round cannot overlap it; the new round
    /// inherits its clearing lock).
    /// </summary>
    public bool TryReserve(RoundId round, RoundId? replacing = null)
    {
        lock (_gate)
        {
            if (_active is not null && _active != replacing) return false;
            _active = round;
            return true;
        }
    }

    /// <summary>
    /// For the round holding the lane: takes the store's clearing lock unless this node already holds
    /// it, and then fails every round the store shows scheduled or running (nobody can be clearing
    /// them: their node would hold the lock; they were left by a node that died or lost its
    /// database connection). False when another node holds the lock (it is clearing a round) or
    /// <paramref name="round"/> no longer holds the lane.
    /// </summary>
    public async Task<bool> TryClaimMarketAsync(RoundId round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_active != round) return false;
            if (_clearing is not null) return true;
        }
        var taken = await locks.TryLockClearingAsync(cancellationToken);
        if (taken is null) return false;
        bool kept;
        lock (_gate)
        {
            kept = _active == round && _clearing is null;
            if (kept) _clearing = taken;
        }
        if (!kept)
        {
            await taken.DisposeAsync();
            return false;
        }
        await FailOrphansAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// When no node is clearing (the clearing lock is free), fails the rounds a stopped node left
    /// scheduled or running, so a restart frees the market at once; does nothing otherwise.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var taken = await locks.TryLockClearingAsync(cancellationToken);
        if (taken is not null) await FailOrphansAsync(cancellationToken);
    }

    private async Task FailOrphansAsync(CancellationToken cancellationToken)
    {
        foreach (var orphan in await store.ListActiveRoundsAsync(cancellationToken))
        {
            var failed = orphan.Fail(clock.GetUtcNow());
            if (!failed.IsOk || !(await store.UpdateRoundAsync(failed.Value, orphan.State, null, cancellationToken)).IsOk) continue;
            Report(orphan.Id, new RoundStatus("failed", 100, Error: OrphanedReason));
            RoundLog.Orphaned(logger, orphan.Id);
        }
    }

    /// <summary>Frees the lane, and the clearing lock with it, if <paramref name="round"/> still holds it (it is done, or could not be queued).</summary>
    public void Release(RoundId round)
    {
        StoreLock? clearing = null;
        lock (_gate)
        {
            if (_active == round)
            {
                _active = null;
                clearing = _clearing;
                _clearing = null;
            }
        }
        clearing?.Dispose();
    }

    /// <summary>Queues a round stored as scheduled; the caller holds the lane.</summary>
    public void Enqueue(RoundId round)
    {
        Report(round, new RoundStatus("queued", 0));
        if (!_channel.Writer.TryWrite(round)) throw new InvalidOperationException("the round queue is closed");
    }

    /// <summary>Records the status of a round.</summary>
    public void Report(RoundId round, RoundStatus status) => _status[round] = status;

    /// <summary>The status of a round this process has run, or null.</summary>
    public RoundStatus? Status(RoundId round) => _status.GetValueOrDefault(round);
}
