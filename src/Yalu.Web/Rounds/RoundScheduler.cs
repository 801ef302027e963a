using System.Collections.Concurrent;
using System.Threading.Channels;
using Yalu.Market.Trading;

namespace Yalu.Web.Rounds;

/// <summary>
/// The node's one lane for clearing: at most one round is queued or running at a time
/// (<see cref="TryReserve"/> … <see cref="Release"/>), handed to <see cref="RoundWorker"/> through a
/// channel, with each round's <see cref="RoundStatus"/> for the API. Thread-safe; one per node.
/// </summary>
public sealed class RoundScheduler
{
    private readonly Channel<RoundId> _channel = Channel.CreateUnbounded<RoundId>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<RoundId, RoundStatus> _status = new();
    private readonly Lock _gate = new();
    private RoundId? _active;

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
    /// finishing: the channel is read by one worker, so the new round cannot overlap it).
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

    /// <summary>Frees the lane if <paramref name="round"/> still holds it (it is done, or could not be queued).</summary>
    public void Release(RoundId round)
    {
        lock (_gate)
        {
            if (_active == round) _active = null;
        }
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
