using Yalu.Engine.Setoff;
using Yalu.Market.Credit;
using Yalu.Market.Setoff;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>
/// The keeper's set-off of the node's accepted IOUs, for <c>POST /api/setoff</c> and the keeper's
/// credit page alike: what remains of every accepted IOU becomes an obligation debtor → creditor,
/// <see cref="SetoffSolver"/> (min-cost flow, exact) clears the most debt while every trader's net
/// position stays the same, and the result is posted in one transaction — each IOU reduced (settled
/// at zero) and one ledger entry per cancelled amount, debtor credited and creditor debited, so no
/// balance moves — durable before the call returns. An IOU changed meanwhile fails the whole run
/// (<see cref="ErrorCodes.ConcurrencyConflict"/>) and nothing is posted. Thread-safe.
/// </summary>
public sealed class SetoffService(IMarketStore store, TimeProvider clock)
{
    /// <summary>How many runs the keeper's page lists.</summary>
    public const int RunsShown = 20;

    /// <summary>Runs the set-off now for <paramref name="keeper"/> and posts it.</summary>
    public async Task<Outcome<SetoffOutcome>> RunAsync(TraderId keeper, CancellationToken cancellationToken = default)
    {
        var accepted = await store.ListIousAsync(null, IouState.Accepted, cancellationToken);
        // Parties in a fixed order (by id), so the same IOUs give the same set-off.
        var ious = accepted.OrderBy(i => i.Id.Value).ToList();
        var party = new Dictionary<TraderId, int>();
        int Party(TraderId t)
        {
            if (!party.TryGetValue(t, out int p)) party[t] = p = party.Count;
            return p;
        }
        var obligations = ious.Select(i => new Obligation(Party(i.Debtor), Party(i.Creditor), i.Remaining.Fen)).ToList();
        var network = ObligationNetwork.Create(party.Count, obligations);
        if (!network.IsOk) return Outcome.Fail<SetoffOutcome>(network.Error);
        var result = SetoffSolver.Solve(network.Value);

        var run = new SetoffRun(Guid.CreateVersion7(clock.GetUtcNow()), keeper, clock.GetUtcNow(), ious.Count, new Money(result.TotalDebt), new Money(result.Cleared));
        var reduced = new List<Iou>();
        var entries = new List<LedgerEntry>();
        var lines = new List<(Iou, Money)>();
        for (int i = 0; i < ious.Count; i++)
        {
            var cancelled = new Money(result.Setoff(i));
            if (cancelled == Money.Zero)
            {
                lines.Add((ious[i], cancelled));
                continue;
            }
            var setOff = ious[i].SetOff(cancelled, run.Id.ToString("D"));
            if (!setOff.IsOk) return Outcome.Fail<SetoffOutcome>(setOff.Error);
            reduced.Add(setOff.Value.Iou);
            entries.Add(setOff.Value.Entry);
            lines.Add((setOff.Value.Iou, cancelled));
        }
        var posted = await store.PostSetoffAsync(run, reduced, entries, keeper, cancellationToken);
        return posted.IsOk ? Outcome.Ok(new SetoffOutcome(posted.Value, lines)) : Outcome.Fail<SetoffOutcome>(posted.Error);
    }

    /// <summary>The newest runs, newest first.</summary>
    public Task<IReadOnlyList<SetoffRun>> ListAsync(CancellationToken cancellationToken = default) =>
        store.ListSetoffRunsAsync(RunsShown, cancellationToken);
}
