using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Rounds;

namespace Yalu.Web.Application;

/// <summary>
/// Starting a round, for the API (<c>POST /api/rounds</c>) and the keeper's page alike: the
/// parameters are checked against the limits of <see cref="RoundParameters"/> (every invalid field at
/// once), the node's one clearing lane and the market's clearing lock (held across the nodes that
/// share a database) are claimed (<see cref="RoundScheduler"/>), the round is stored as scheduled and
/// queued for the background worker. Thread-safe; one per node.
/// </summary>
public sealed class RoundService(IMarketStore store, RoundScheduler queue, TimeProvider clock)
{
    /// <summary>Starts a round for <paramref name="keeper"/>; <see cref="UseCaseCodes.RoundRunning"/> when another is queued or clearing.</summary>
    public async Task<Outcome<Round>> StartAsync(TraderId keeper, RoundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkedParameters = Check(request);
        if (!checkedParameters.IsOk) return checkedParameters.As<Round>();

        var round = Round.Schedule(keeper, checkedParameters.Value, clock);
        if (!queue.TryReserve(round.Id))
        {
            // The lane is held until the worker returns, a moment after the round is final in the store.
            var active = queue.Active;
            var previous = active is { } a ? await store.GetRoundAsync(a, cancellationToken) : null;
            if (previous is not { State: RoundState.Cleared or RoundState.Failed } || !queue.TryReserve(round.Id, replacing: active))
                return Outcome.Fail<Round>(UseCaseCodes.RoundRunning, "another round is queued or clearing; wait until it is done");
        }
        try
        {
            // The lane is this node's; the market is shared by every node on the database, and another may be clearing.
            bool claimed = await queue.TryClaimMarketAsync(round.Id, cancellationToken);
            queue.Report(round.Id, new RoundStatus("queued", 0));
            if (!claimed || !(await store.AddRoundAsync(round, round.Keeper, cancellationToken)).IsOk)
            {
                queue.Release(round.Id);
                return Outcome.Fail<Round>(UseCaseCodes.RoundRunning, "another round is queued or clearing; wait until it is done");
            }
            queue.Enqueue(round.Id);
        }
        catch
        {
            queue.Release(round.Id);
            throw;
        }
        return Outcome.Ok(round);
    }

    /// <summary>The parameters of <paramref name="request"/>, or every field that is out of its range.</summary>
    public static Outcome<RoundParameters> Check(RoundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var defaults = RoundParameters.Default;
        int cycleCap = request.CycleCap ?? defaults.CycleCap;
        int chainCap = request.ChainCap ?? defaults.ChainCap;
        int seconds = request.TimeLimitSeconds ?? (int)defaults.TimeLimit.TotalSeconds;
        var errors = new List<FieldError>();
        if (cycleCap is < RoundParameters.MinCycleCap or > RoundParameters.MaxCycleCap)
            errors.Add(new("cycleCap", UseCaseCodes.OutOfRange, $"a cycle cap is {RoundParameters.MinCycleCap}..{RoundParameters.MaxCycleCap}"));
        if (chainCap is < RoundParameters.MinChainCap or > RoundParameters.MaxChainCap)
            errors.Add(new("chainCap", UseCaseCodes.OutOfRange, $"a chain cap is {RoundParameters.MinChainCap}..{RoundParameters.MaxChainCap} (0: no chains)"));
        if (seconds is < RoundParameters.MinTimeLimitSeconds or > RoundParameters.MaxTimeLimitSeconds)
            errors.Add(new("timeLimitSeconds", UseCaseCodes.OutOfRange, $"a time limit is {RoundParameters.MinTimeLimitSeconds}..{RoundParameters.MaxTimeLimitSeconds} seconds"));
        if (!RoundWire.TryParseObjective(request.Objective, out var objective))
            errors.Add(new("objective", UseCaseCodes.OutOfRange, "an objective is count, value, preference or essentials"));
        if (errors.Count > 0) return Outcome.Invalid<RoundParameters>(errors);
        return Outcome.From(RoundParameters.Create(cycleCap, chainCap, objective, TimeSpan.FromSeconds(seconds), request.Credit ?? false));
    }
}
