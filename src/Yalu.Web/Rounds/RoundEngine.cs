using Microsoft.Extensions.Logging;
using Yalu.Engine.Capped;
using Yalu.Market.Credit;
using Yalu.Market.Graphs;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Rounds;

/// <summary>
/// Clears one scheduled round: scheduled → running; the want lists of the open lots, rules
/// included, are expanded into a want graph (<see cref="RoundGraph.Build"/>, groups as a side
/// constraint); <see cref="CappedSolver"/> clears it within the round's caps and time limit (and,
/// for a credit round, under every trader's credit floor, <see cref="CreditPositions"/>); a
/// result that trades two lots of a group is repaired (<see cref="MarketGraph.EnforceGroups"/>);
/// the legs are stored with the round, all or none (<see cref="IMarketStore.StoreRoundResultAsync"/>).
/// Any failure — the engine's, or a lot withdrawn while the engine ran — marks the round failed
/// and leaves no leg. Thread-safe; <see cref="RoundWorker"/> runs one round at a time.
/// </summary>
public sealed class RoundEngine(IMarketStore store, RoundScheduler queue, TimeProvider clock, ILogger<RoundEngine> logger)
{
    /// <summary>Clears <paramref name="id"/>; never throws for a failed clearing (the round is marked failed).</summary>
    public async Task RunAsync(RoundId id, CancellationToken cancellationToken)
    {
        var round = await store.GetRoundAsync(id, cancellationToken);
        var started = round?.Start();
        if (round is null || started is not { IsOk: true })
        {
            Fail(id, round is null ? "the round is not in the store" : started!.Value.Error!.Message);
            return;
        }
        var running = await store.UpdateRoundAsync(started.Value.Value, RoundState.Scheduled, round.Keeper, cancellationToken);
        if (!running.IsOk)
        {
            Fail(id, running.Error.Message);
            return;
        }
        try
        {
            await ClearAsync(running.Value, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the engine throws, the round must end failed rather than stay running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (e is not OperationCanceledException) RoundLog.Crashed(logger, id, e);
            Fail(id, e is OperationCanceledException ? "the node stopped while the round was clearing" : "the clearing engine failed: " + e.Message);
            var failed = running.Value.Fail(clock.GetUtcNow()).Value;
            await store.UpdateRoundAsync(failed, RoundState.Running, round.Keeper, CancellationToken.None);
        }
    }

    private async Task ClearAsync(Round running, CancellationToken cancellationToken)
    {
        queue.Report(running.Id, new RoundStatus("expanding", 2));
        var p = running.Parameters;
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var traders = await store.ListTradersAsync(cancellationToken);
        var lots = await store.ListLotsAsync(null, cancellationToken);
        var wants = await store.ListOpenWantListsAsync(cancellationToken);
        var market = RoundGraph.Build(catalog, traders, lots, wants, p.Objective, GroupEncoding.SideConstraint);
        var graph = market.Graph;
        RoundLog.Clearing(logger, running.Id, graph.ItemCount, graph.WantCount);

        ClearingResult clearing;
        CappedResult? solved = null;
        if (graph.ItemCount == 0)
        {
            clearing = new ClearingResult(graph, ClearingStatus.Optimal, [], [], []);
        }
        else
        {
            var solver = new CappedSolver(new CappedOptions
            {
                MaxCycle = p.CycleCap,
                MaxChain = p.ChainCap,
                TimeLimit = p.TimeLimit,
                Weights = CappedWeights.Given,
            }, clock);
            var progress = new SolverProgress(queue, running.Id);
            var credit = p.Credit ? await CreditConstraintAsync(market, traders, lots, cancellationToken) : null;
            solved = await Task.Run(() => solver.Solve(graph, credit, progress, cancellationToken), cancellationToken);
            clearing = solved.Clearing;
        }
        var repaired = market.EnforceGroups(clearing);
        var legs = RoundGraph.ToLegs(market, repaired, running, lots, clock);

        // The engine's figures are reported before the result is stored, so whoever sees the round cleared sees them too.
        string engine = repaired.Status == ClearingStatus.Optimal ? "optimal" : "feasible";
        var figures = new RoundStatus("storing", 96, engine, solved?.Objective ?? 0, solved?.Bound ?? 0, solved?.Gap ?? 0);
        queue.Report(running.Id, figures);
        var cleared = running.Clear(clock.GetUtcNow()).Value;
        var stored = await store.StoreRoundResultAsync(cleared, legs, running.Keeper, cancellationToken);
        if (!stored.IsOk)
        {
            Fail(running.Id, $"the result could not be stored ({stored.Error.Code}): {stored.Error.Message}; start another round");
            await store.UpdateRoundAsync(running.Fail(clock.GetUtcNow()).Value, RoundState.Running, running.Keeper, CancellationToken.None);
            return;
        }
        queue.Report(running.Id, figures with { Phase = "done", Percent = 100 });
        RoundLog.Cleared(logger, running.Id, legs.Length, engine);
    }

    /// <summary>Each item's value and each trader's floor, from the ledger's balances and the legs still pending.</summary>
    private async Task<CreditConstraint> CreditConstraintAsync(MarketGraph market, IReadOnlyList<Trader> traders, IReadOnlyList<Lot> lots, CancellationToken cancellationToken)
    {
        var balances = await store.GetBalancesAsync(cancellationToken);
        var pending = await store.ListLegsOfPendingRoundsAsync(cancellationToken);
        var projected = CreditPositions.Projected(balances, pending, lots.ToDictionary(l => l.Id));
        return CreditPositions.Constraint(market, traders, lots, projected);
    }

    private void Fail(RoundId id, string reason)
    {
        queue.Report(id, new RoundStatus("failed", 100, Error: reason));
        RoundLog.Failed(logger, id, reason);
    }
}
