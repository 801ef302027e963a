using Xunit;
using Yalu.Market.Catalog;
using Yalu.Market.Credit;
using Yalu.Market.Trading;

namespace Yalu.Storage.Tests;

/// <summary>The credit part of the storage suite: the ledger, limits, IOUs and set-off runs, on every provider.</summary>
public abstract partial class MarketStoreContract
{
    /// <summary>Runs SQL straight against this test's database, past the store (to prove what the schema itself refuses).</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    private async Task<Lot> ValuedLotAsync(Trader owner, string value, bool donor = false)
    {
        var lot = Lot.Post(owner.Id, GoodId.Parse("G01"), Quantity.Of(1m, "kg"), "", Money.Parse(value), donor, null, Clock).Value;
        return await Store.AddLotAsync(lot, owner.Id, Ct);
    }

    /// <summary>Confirms every pending leg of <paramref name="round"/> through a trade book, as the leg service does.</summary>
    private async Task ConfirmAllAsync(RoundId round)
    {
        foreach (var leg in await Store.ListLegsAsync(round, Ct))
        {
            var book = new TradeBook(await Store.ListLotsAsync(null, Ct), await Store.ListLegsAsync(round, Ct));
            var change = book.Confirm(leg.Id).Value;
            Assert.True((await Store.ApplyAsync(change, "leg.confirmed", null, Ct)).IsOk);
        }
    }

    private async Task<Round> ClearedAsync(Trader keeper, params Leg[] legs)
    {
        var round = await Store.GetRoundAsync(legs[0].Round, Ct);
        var cleared = round!.Clear(Clock.GetUtcNow()).Value;
        Assert.True((await Store.StoreRoundResultAsync(cleared, legs, keeper.Id, Ct)).IsOk);
        return cleared;
    }

    [Fact]
    public async Task Confirmed_legs_post_the_value_difference_and_the_ledger_sums_to_zero()
    {
        var keeper = await TraderAsync("keeper", Role.Keeper);
        var a = await TraderAsync("aa");
        var b = await TraderAsync("bb");
        var la = await ValuedLotAsync(a, "10.00");
        var lb = await ValuedLotAsync(b, "14.50");
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
        await Store.AddRoundAsync(round, keeper.Id, Ct);
        Assert.True((await Store.UpdateRoundAsync(round.Start().Value, RoundState.Scheduled, keeper.Id, Ct)).IsOk);
        await ClearedAsync(keeper, Loop(round, la, lb));

        await ConfirmAllAsync(round.Id);

        var balances = await Store.GetBalancesAsync(Ct);
        // A gave 10.00 and got 14.50: A owes 4.50; B is owed 4.50.
        Assert.Equal(Money.Parse("-4.50"), balances.Of(a.Id));
        Assert.Equal(Money.Parse("4.50"), balances.Of(b.Id));
        Assert.Equal(Money.Zero, balances.Total);
        var entries = await Store.ListLedgerAsync(null, 100, Ct);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(LedgerEntryKind.Leg, e.Entry.Kind));
        Assert.Equal(LedgerBalances.From(entries.Select(e => e.Entry)).Of(a.Id), balances.Of(a.Id));
        Assert.Single(await Store.ListLedgerAsync(a.Id, 1, Ct));
        var events = await Store.ReadEventsAsync(0, 1000, Ct);
        Assert.Equal(2, events.Count(e => e.Kind == "leg.confirmed" && e.Payload.Contains("\"entries\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_chain_posts_the_gift_from_the_pool_and_its_end_to_the_pool()
    {
        var keeper = await TraderAsync("keeper", Role.Keeper);
        var donor = await TraderAsync("donor");
        var a = await TraderAsync("aa");
        var gift = await ValuedLotAsync(donor, "20.00", donor: true);
        var la = await ValuedLotAsync(a, "5.00");
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
        await Store.AddRoundAsync(round, keeper.Id, Ct);
        Assert.True((await Store.UpdateRoundAsync(round.Start().Value, RoundState.Scheduled, keeper.Id, Ct)).IsOk);
        // Chain in receive order [a's lot, gift]: a's lot goes to the pool (the keeper), the gift to a.
        await ClearedAsync(keeper,
            new Leg(LegId.New(Clock), round.Id, 0, 0, a.Id, la.Id, keeper.Id, LegState.Pending),
            new Leg(LegId.New(Clock), round.Id, 0, 1, donor.Id, gift.Id, a.Id, LegState.Pending));

        await ConfirmAllAsync(round.Id);

        var balances = await Store.GetBalancesAsync(Ct);
        Assert.Equal(Money.Zero, balances.Of(donor.Id));
        Assert.Equal(Money.Zero, balances.Of(keeper.Id));
        Assert.Equal(Money.Parse("-15.00"), balances.Of(a.Id));
        Assert.Equal(Money.Parse("15.00"), balances.Pool);
        Assert.Equal(Money.Zero, balances.Total);
    }

    [Fact]
    public async Task The_database_itself_keeps_the_ledger_append_only_and_every_entry_balanced()
    {
        var a = await TraderAsync("aa");
        var b = await TraderAsync("bb");
        var accepted = (await Store.AddIouAsync(Iou.Propose(a.Id, b.Id, Money.Parse("3"), null, Clock).Value, a.Id, Ct)).Value.Accept(b.Id).Value;
        Assert.True((await Store.UpdateIouAsync(accepted, accepted.AcceptanceEntry(), b.Id, Ct)).IsOk);
        // A quoted id is TEXT to SQLite and casts to uuid in PostgreSQL.
        string aId = $"'{a.Id}'", bId = $"'{b.Id}'";
        string[] refused =
        [
            "UPDATE ledger_entries SET amount = 1",
            "DELETE FROM ledger_entries",
            $"INSERT INTO ledger_entries (at, kind, reference, credit_id, debit_id, amount) VALUES ('2026-01-01T00:00:00+00:00', 'iou', 'zero', {aId}, {bId}, 0)",
            $"INSERT INTO ledger_entries (at, kind, reference, credit_id, debit_id, amount) VALUES ('2026-01-01T00:00:00+00:00', 'iou', 'self', {aId}, {aId}, 5)",
            "INSERT INTO ledger_entries (at, kind, reference, credit_id, debit_id, amount) VALUES ('2026-01-01T00:00:00+00:00', 'iou', 'pool', NULL, NULL, 5)",
            $"INSERT INTO ledger_entries (at, kind, reference, credit_id, debit_id, amount) VALUES ('2026-01-01T00:00:00+00:00', 'iou', '{accepted.Id}', {aId}, {bId}, 3)",
        ];
        foreach (string sql in refused)
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteRawAsync(sql));
        var balances = await Store.GetBalancesAsync(Ct);
        Assert.Equal(Money.Parse("3"), balances.Of(a.Id));
        Assert.Single(await Store.ListLedgerAsync(null, 100, Ct));
    }

    [Fact]
    public async Task A_credit_limit_change_is_stored_with_its_own_event()
    {
        var kim = await TraderAsync("kim");
        var set = await Store.SetCreditLimitAsync(kim.Id, Money.Parse("50"), null, Ct);
        Assert.Equal(Money.Parse("50"), set.Value.CreditLimit);
        Assert.Equal(Money.Parse("50"), (await Store.GetTraderAsync(kim.Id, Ct))!.CreditLimit);
        Assert.Single(await Store.ReadEventsAsync(0, 1000, Ct), e => e.Kind == "credit.limit-set");
        Assert.Equal(ErrorCodes.InvalidCreditLimit, (await Store.SetCreditLimitAsync(kim.Id, Money.Parse("-1"), null, Ct)).Error!.Code);
    }

    [Fact]
    public async Task An_iou_is_posted_once_accepted_and_its_memo_never_reaches_the_event_log()
    {
        var a = await TraderAsync("aa");
        var b = await TraderAsync("bb");
        var iou = (await Store.AddIouAsync(Iou.Propose(a.Id, b.Id, Money.Parse("7.25"), "secret pine nuts", Clock).Value, a.Id, Ct)).Value;
        Assert.Equal(Money.Zero, (await Store.GetBalancesAsync(Ct)).Of(a.Id));

        var accepted = iou.Accept(b.Id).Value;
        var written = await Store.UpdateIouAsync(accepted, accepted.AcceptanceEntry(), b.Id, Ct);
        Assert.Equal(IouState.Accepted, written.Value.State);
        Assert.Equal(written.Value, await Store.GetIouAsync(iou.Id, Ct));
        var balances = await Store.GetBalancesAsync(Ct);
        Assert.Equal(Money.Parse("7.25"), balances.Of(a.Id));
        Assert.Equal(Money.Parse("-7.25"), balances.Of(b.Id));

        // A second answer from a stale read is a conflict and posts nothing.
        var stale = await Store.UpdateIouAsync(accepted, accepted.AcceptanceEntry(), b.Id, Ct);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, stale.Error!.Code);
        Assert.Single(await Store.ListLedgerAsync(null, 100, Ct));
        Assert.Single(await Store.ListIousAsync(a.Id, IouState.Accepted, Ct));
        Assert.Empty(await Store.ListIousAsync(a.Id, IouState.Proposed, Ct));
        Assert.DoesNotContain(await Store.ReadEventsAsync(0, 1000, Ct), e => e.Payload.Contains("pine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_setoff_reduces_ious_and_posts_entries_atomically_without_moving_a_balance()
    {
        var keeper = await TraderAsync("keeper", Role.Keeper);
        var a = await TraderAsync("aa");
        var b = await TraderAsync("bb");
        var c = await TraderAsync("cc");
        // b owes a 10, c owes b 10, a owes c 4: a cycle of 4 can be cancelled.
        var ious = new List<Iou>();
        foreach (var (creditor, debtor, amount) in new[] { (a, b, "10"), (b, c, "10"), (c, a, "4") })
        {
            var proposed = (await Store.AddIouAsync(Iou.Propose(creditor.Id, debtor.Id, Money.Parse(amount), null, Clock).Value, creditor.Id, Ct)).Value;
            var accepted = proposed.Accept(debtor.Id).Value;
            ious.Add((await Store.UpdateIouAsync(accepted, accepted.AcceptanceEntry(), debtor.Id, Ct)).Value);
        }
        var before = await Store.GetBalancesAsync(Ct);
        var run = new SetoffRun(Guid.CreateVersion7(Clock.GetUtcNow()), keeper.Id, Clock.GetUtcNow(), 3, Money.Parse("24"), Money.Parse("12"));
        var cuts = ious.Select(i => i.SetOff(Money.Parse("4"), run.Id.ToString("D")).Value).ToList();

        // One IOU read before a change elsewhere: the whole run is refused and nothing moves.
        var staleRun = new SetoffRun(Guid.CreateVersion7(Clock.GetUtcNow()), keeper.Id, Clock.GetUtcNow(), 3, Money.Parse("24"), Money.Parse("12"));
        var stale = cuts.Select(x => x.Iou).ToList();
        stale[2] = stale[2].AtVersion(stale[2].Version - 1);
        var refused = await Store.PostSetoffAsync(staleRun, stale, [.. cuts.Select(x => new LedgerEntry(LedgerEntryKind.Setoff, staleRun.Id + "/" + x.Iou.Id, x.Entry.Credit, x.Entry.Debit, x.Entry.Amount))], keeper.Id, Ct);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, refused.Error!.Code);
        Assert.Empty(await Store.ListSetoffRunsAsync(10, Ct));
        Assert.Equal(3, (await Store.ListLedgerAsync(null, 100, Ct)).Count);

        var posted = await Store.PostSetoffAsync(run, [.. cuts.Select(x => x.Iou)], [.. cuts.Select(x => x.Entry)], keeper.Id, Ct);
        Assert.True(posted.IsOk);
        var after = await Store.GetBalancesAsync(Ct);
        foreach (var t in new[] { a, b, c }) Assert.Equal(before.Of(t.Id), after.Of(t.Id));
        Assert.Equal(Money.Zero, after.Total);
        var settled = await Store.GetIouAsync(ious[2].Id, Ct);
        Assert.Equal(IouState.Settled, settled!.State);
        Assert.Equal(Money.Parse("6"), (await Store.GetIouAsync(ious[0].Id, Ct))!.Remaining);
        var runs = await Store.ListSetoffRunsAsync(10, Ct);
        Assert.Equal(run.Id, Assert.Single(runs).Id);
        Assert.Equal(Money.Parse("12"), runs[0].Remaining);
        var mine = await Store.ListLedgerAsync(a.Id, 100, Ct);
        Assert.Equal(4, mine.Count);
        Assert.Equal(2, mine.Count(e => e.Entry.Kind == LedgerEntryKind.Setoff));
    }
}
