using System.Text.RegularExpressions;
using Xunit;
using Yalu.Market.Trading;
using Yalu.Web.Application;

namespace Yalu.Tests;

/// <summary>
/// The acceptance of issue 11 at the command line: two banks trading as one market by bundles
/// carried between two node databases, and every way a bundle is refused.
/// </summary>
public sealed partial class TwoBankMarketDayTests : IDisposable
{
    private readonly TwoBankDay _day = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _day.Dispose();

    [GeneratedRegex(@"^round (?<id>[0-9a-f-]{36}): cleared", RegexOptions.Multiline)]
    private static partial Regex RoundLine();

    [Fact]
    public async Task Two_banks_clear_one_market_and_a_lot_withdrawn_before_the_answer_calls_off_only_its_loop()
    {
        string a = _day.A, b = _day.B;
        Assert.Contains("applied", _day.Carry(a).Stdout, StringComparison.Ordinal);

        var cleared = TwoBankDay.Ok(["round", "--db", b, "--max-cycle", "3", "--time-limit", "5"]);
        var round = new RoundId(Guid.Parse(RoundLine().Match(cleared.Stdout).Groups["id"].Value));
        Assert.Matches(@"\w+@hyesan gives .* to \w+@changbai", cleared.Stdout);

        IReadOnlyDictionary<int, string> proposed;
        IReadOnlyList<Leg> legs;
        IReadOnlySet<LotId> hyesanLots;
        await using (var store = await TwoBankDay.OpenAsync(b))
        {
            proposed = await store.ListCrossLoopsAsync(round, Ct);
            legs = await store.ListLegsAsync(round, Ct);
            hyesanLots = await store.ListForeignLotsAsync(Ct);
        }
        Assert.True(proposed.Count >= 2, $"the round should span both banks at least twice:\n{cleared.Stdout}");
        Assert.All(proposed.Values, state => Assert.Equal("proposed", state));
        int victim = proposed.Keys.Min();
        var victimLot = legs.First(l => l.Exchange == victim && hyesanLots.Contains(l.Lot)).Lot;

        // On the Hyesan bank the lot is withdrawn before its node hears of the round.
        await using (var store = await TwoBankDay.OpenAsync(a))
        {
            var lot = (await store.GetLotAsync(victimLot, Ct))!;
            Assert.True((await store.UpdateLotAsync(lot.Withdraw().Value, lot.Owner, Ct)).IsOk);
        }
        var answer = _day.Carry(b);
        Assert.Contains($"{proposed.Count - 1} accepted, 1 called off", answer.Stdout, StringComparison.Ordinal);
        _day.Carry(a);

        // Handovers: each bank's keeper confirms the legs whose lot is on that bank; the other bank's are refused there.
        foreach (string db in new[] { a, b })
        {
            await using var store = await TwoBankDay.OpenAsync(db);
            var keeper = (await store.FindTraderAsync(Handle.Parse("keeper"), Ct))!;
            var foreign = await store.ListForeignLotsAsync(Ct);
            var cross = await store.ListCrossLoopsAsync(round, Ct);
            Assert.Equal("called_off", cross[victim]);
            var legService = new LegService(store);
            foreach (var leg in (await store.ListLegsAsync(round, Ct)).Where(l => cross.GetValueOrDefault(l.Exchange) == "accepted"))
            {
                var confirmed = await legService.ConfirmAsync(keeper.Id, leg.Id.ToString(), Ct);
                if (foreign.Contains(leg.Lot)) Assert.Equal(ErrorCodes.RecordElsewhere, confirmed.Error?.Code);
                else Assert.True(confirmed.IsOk, confirmed.Error?.Message);
            }
        }

        // Bundles back and forth until both logs agree: a bundle either way then brings nothing new.
        bool quiet = false;
        for (int i = 0; i < 4 && !quiet; i++)
            quiet = _day.Carry(a).Stdout.Contains("nothing new", StringComparison.Ordinal) & _day.Carry(b).Stdout.Contains("nothing new", StringComparison.Ordinal);
        Assert.True(quiet, "four round trips should bring both nodes to the same log");
        await using (var storeA = await TwoBankDay.OpenAsync(a))
        await using (var storeB = await TwoBankDay.OpenAsync(b))
        {
            var legsA = (await storeA.ListLegsAsync(round, Ct)).ToDictionary(l => l.Id, l => l.State);
            var legsB = (await storeB.ListLegsAsync(round, Ct)).ToDictionary(l => l.Id, l => l.State);
            var crossB = await storeB.ListCrossLoopsAsync(round, Ct);
            Assert.Equal(crossB.OrderBy(c => c.Key), (await storeA.ListCrossLoopsAsync(round, Ct)).OrderBy(c => c.Key));
            foreach (var leg in (await storeB.ListLegsAsync(round, Ct)).Where(l => crossB.ContainsKey(l.Exchange)))
                Assert.Equal(legsB[leg.Id], legsA[leg.Id]);
            Assert.All((await storeB.ListLegsAsync(round, Ct)).Where(l => crossB.GetValueOrDefault(l.Exchange) == "accepted"), l => Assert.Equal(LegState.Confirmed, legsB[l.Id]));
            Assert.All((await storeB.ListLegsAsync(round, Ct)).Where(l => l.Exchange == victim), l => Assert.Equal(LegState.Released, legsB[l.Id]));
            // The called-off loop's lots reopen: the Changbai ones on their bank and in the Hyesan replica.
            foreach (var leg in legs.Where(l => l.Exchange == victim && !hyesanLots.Contains(l.Lot)))
            {
                Assert.Equal(LotState.Open, (await storeB.GetLotAsync(leg.Lot, Ct))!.State);
                Assert.Equal(LotState.Open, (await storeA.GetLotAsync(leg.Lot, Ct))!.State);
            }
            var nodeA = await storeA.GetNodeAsync(Ct);
            var nodeB = await storeB.GetNodeAsync(Ct);
            Assert.Equal(nodeB.LastSeq, Assert.Single(await storeA.ListPeersAsync(Ct)).HaveSeq);
            Assert.Equal(nodeA.LastSeq, Assert.Single(await storeB.ListPeersAsync(Ct)).HaveSeq);
        }
        foreach (string db in new[] { a, b })
        {
            var verify = TwoBankDay.Ok(["log", "verify", "--db", db]);
            Assert.Equal(2, Regex.Count(verify.Stdout, "^ok: ", RegexOptions.Multiline));
        }
    }
}
