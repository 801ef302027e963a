using Xunit;
using Yalu.Market.Trading;
using Yalu.Sync;

namespace Yalu.Storage.Tests;

/// <summary>The signed log, peers, bundles and cross-bank exchanges: the same on every provider.</summary>
public abstract partial class MarketStoreContract
{
    /// <summary>A store over a second, independent database: the other bank's node.</summary>
    protected abstract Task<IMarketStore> CreatePeerStoreAsync(TimeProvider clock, NodeSetup node);

    private INodeSync Sync => (INodeSync)Store;

    private async Task<(IMarketStore Peer, INodeSync PeerSync)> PeerAsync()
    {
        var peer = await CreatePeerStoreAsync(Clock, new NodeSetup("changbai", "changbai", MustBeNew: true));
        var peerSync = (INodeSync)peer;
        Assert.True((await Sync.TrustPeerAsync(peerSync.Card, Ct)).Success);
        Assert.True((await peerSync.TrustPeerAsync(Sync.Card, Ct)).Success);
        return (peer, peerSync);
    }

    private static async Task<ImportReport> CarryAsync(INodeSync from, INodeSync to)
    {
        var bundle = await from.ExportAsync(to.Card.NodeId, Ct);
        Assert.True(bundle.Success, bundle.Error?.ToString());
        var imported = await to.ImportAsync(bundle.Value.Bytes, Ct);
        Assert.True(imported.Success, imported.Error?.ToString());
        return imported.Value;
    }

    [Fact]
    public async Task Every_write_appends_a_signed_event_and_every_chain_verifies()
    {
        var kim = await TraderAsync("kim");
        var lot = await LotAsync(kim);
        await Store.UpdateLotAsync(lot.Withdraw().Value, kim.Id, Ct);
        var node = await Sync.GetNodeAsync(Ct);
        var events = await Store.ReadEventsAsync(0, 1000, Ct);
        Assert.Equal(events.Count, node.LastSeq);
        var checks = await Sync.VerifyLogAsync(Ct);
        var own = Assert.Single(checks);
        Assert.True(own.IsValid, own.Error?.ToString());
        Assert.Equal(node.LastSeq, own.Events);

        await using var again = await ReopenStoreAsync(Clock);
        Assert.Equal(Sync.Card.NodeId, ((INodeSync)again).Card.NodeId);
        Assert.Equal(Sync.Card.Fingerprint, (await ((INodeSync)again).GetNodeAsync(Ct)).Card.Fingerprint);
    }

    [Fact]
    public async Task A_bundle_brings_the_peers_traders_lots_and_want_lists_and_a_replay_changes_nothing()
    {
        var (peer, peerSync) = await PeerAsync();
        await using var _ = peer;
        var wang = (await peer.AddTraderAsync(Trader.Register(Handle.Parse("wang"), Side.Changbai, Language.Zh, Clock), null, Ct)).Value;
        await peer.UpsertGoodsAsync(Goods, null, Ct);
        var lot = await peer.AddLotAsync(Lot.Post(wang.Id, Good("S01"), Quantity.Of(3, "piece"), "secret", Money.Parse("12"), false, null, Clock).Value, wang.Id, Ct);
        var kim = await TraderAsync("wang");

        var first = await CarryAsync(peerSync, Sync);
        Assert.False(first.NothingNew);
        Assert.True(first.NewEvents > 0);
        var replica = await Store.GetLotAsync(lot.Id, Ct);
        Assert.NotNull(replica);
        Assert.Equal("", replica.Note);
        Assert.Equal(LotState.Open, replica.State);
        Assert.Equal(kim, await Store.FindTraderAsync(Handle.Parse("wang"), Ct));

        // A want list the peer sets later reaches the replica with the next bundle.
        var peerCatalog = await peer.GetCatalogAsync(Ct);
        var peerWants = WantList.Create(wang.Id, lot, [WantEntry.ForGood(Good("G01"))], _ => null, peerCatalog);
        await peer.SetWantListAsync(peerWants.Value, wang.Id, Ct);
        await CarryAsync(peerSync, Sync);
        Assert.Equal(WantKind.Good, Assert.Single((await Store.GetWantListAsync(lot.Id, Ct))!.Entries).Kind);

        long seq = await Store.LastEventSeqAsync(Ct);
        var again = await peerSync.ExportAsync(Sync.Card.NodeId, Ct);
        var replay = await Sync.ImportAsync(again.Value.Bytes, Ct);
        Assert.True(replay.Success);
        Assert.True(replay.Value.NothingNew);
        Assert.Equal(seq, await Store.LastEventSeqAsync(Ct));

        // Once this node acknowledges, the peer exports nothing it already has.
        await CarryAsync(Sync, peerSync);
        var after = await peerSync.ExportAsync(Sync.Card.NodeId, Ct);
        Assert.Equal(0, after.Value.Events);
        Assert.True((await peerSync.VerifyLogAsync(Ct)).All(c => c.IsValid));
        Assert.True((await Sync.VerifyLogAsync(Ct)).All(c => c.IsValid));
        Assert.Equal(ErrorCodes.RecordElsewhere, (await Store.UpdateLotAsync(replica.Withdraw().Value, null, Ct)).Error!.Code);
    }

    [Fact]
    public async Task A_bundle_from_a_node_not_trusted_or_with_a_gap_or_a_forged_event_is_refused_and_changes_nothing()
    {
        await TraderAsync("kim");
        using var stranger = NodeIdentity.Create("stranger", "changbai");
        SignedEvent Event(long seq, byte[] prev, string subject) =>
            SignedEvent.Create(stranger, seq, prev, Clock.GetUtcNow(), "rate.recorded", subject, [1, 0]);
        var e1 = Event(1, SignedEvent.ZeroHash.ToArray(), "a");
        var e2 = Event(2, e1.Hash(), "b");
        var e3 = Event(3, e2.Hash(), "c");
        byte[] Seal(params SignedEvent[] events) => Bundle.Seal(stranger, Sync.Card, new BundleBody(stranger.NodeId, Sync.Card.NodeId, Clock.GetUtcNow(), events, []));
        long seq = await Store.LastEventSeqAsync(Ct);

        Assert.Equal(SyncCodes.UnknownSender, (await Sync.ImportAsync(Seal(e1), Ct)).Error!.Code);
        Assert.True((await Sync.TrustPeerAsync(stranger.Card, Ct)).Success);
        Assert.Equal(SyncCodes.ChainGap, (await Sync.ImportAsync(Seal(e2, e3), Ct)).Error!.Code);
        var forged = Event(2, new byte[32], "b");
        Assert.Equal(SyncCodes.ChainWrongPrevHash, (await Sync.ImportAsync(Seal(e1, forged), Ct)).Error!.Code);
        Assert.Equal(seq, await Store.LastEventSeqAsync(Ct));

        Assert.Equal(1, (await Sync.ImportAsync(Seal(e1), Ct)).Value.NewEvents);
        // The same number with other bytes: the peer's log forked.
        var fork = Event(1, SignedEvent.ZeroHash.ToArray(), "other");
        Assert.Equal(NodeSyncCodes.HistoryConflict, (await Sync.ImportAsync(Seal(fork, e2), Ct)).Error!.Code);
        Assert.Equal(2, (await Sync.ImportAsync(Seal(e1, e2, e3), Ct)).Value.NewEvents);
        Assert.Equal(NodeSyncCodes.OwnCard, (await Sync.TrustPeerAsync(Sync.Card, Ct)).Error!.Code);
    }

    [Fact]
    public async Task A_cross_bank_loop_is_proposed_accepted_by_the_other_bank_and_a_withdrawn_lot_calls_its_loop_off_on_both()
    {
        var (peer, peerSync) = await PeerAsync();
        await using var _ = peer;
        await peer.UpsertGoodsAsync(Goods, null, Ct);
        var kim = await TraderAsync("kim");
        var kimLot = await LotAsync(kim);
        var kimOther = await LotAsync(kim, "S01");
        await CarryAsync(Sync, peerSync);

        var keeper = (await peer.AddTraderAsync(Trader.Register(Handle.Parse("keeper"), Side.Changbai, Language.Zh, Clock).WithRole(Role.Keeper), null, Ct)).Value;
        var wang = (await peer.AddTraderAsync(Trader.Register(Handle.Parse("wang"), Side.Changbai, Language.Zh, Clock), null, Ct)).Value;
        var wangLot = await peer.AddLotAsync(Lot.Post(wang.Id, Good("S01"), Quantity.Of(3, "piece"), "", Money.Parse("12"), false, null, Clock).Value, wang.Id, Ct);
        var wangOther = await peer.AddLotAsync(Lot.Post(wang.Id, Good("G01"), Quantity.Of(3, "kg"), "", Money.Parse("12"), false, null, Clock).Value, wang.Id, Ct);
        var round = Round.Schedule(keeper.Id, RoundParameters.Default, Clock);
        await peer.AddRoundAsync(round, keeper.Id, Ct);
        var running = round.Start().Value;
        await peer.UpdateRoundAsync(running, RoundState.Scheduled, keeper.Id, Ct);
        Leg[] legs =
        [
            new(LegId.New(Clock), round.Id, 0, 0, kim.Id, kimLot.Id, wang.Id, LegState.Pending),
            new(LegId.New(Clock), round.Id, 0, 1, wang.Id, wangLot.Id, kim.Id, LegState.Pending),
            new(LegId.New(Clock), round.Id, 1, 0, kim.Id, kimOther.Id, wang.Id, LegState.Pending),
            new(LegId.New(Clock), round.Id, 1, 1, wang.Id, wangOther.Id, kim.Id, LegState.Pending),
        ];
        Assert.True((await peer.StoreRoundResultAsync(running.Clear(Clock.GetUtcNow()).Value, legs, keeper.Id, Ct)).IsOk);
        var proposed = await peerSync.ListCrossLoopsAsync(round.Id, Ct);
        Assert.Equal(["proposed", "proposed"], proposed.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal(LotState.Open, (await peer.GetLotAsync(kimLot.Id, Ct))!.State);
        Assert.Equal(LotState.Matched, (await peer.GetLotAsync(wangLot.Id, Ct))!.State);

        // Kim withdraws one lot before this node hears of the round: that loop is called off, the other accepted.
        await Store.UpdateLotAsync(kimOther.Withdraw().Value, kim.Id, Ct);
        var answer = await CarryAsync(peerSync, Sync);
        Assert.Equal(1, answer.Accepted);
        Assert.Equal(1, answer.CalledOff);
        Assert.Equal(LotState.Matched, (await Store.GetLotAsync(kimLot.Id, Ct))!.State);
        var here = await Sync.ListCrossLoopsAsync(round.Id, Ct);
        Assert.Equal("accepted", here[0]);
        Assert.Equal("called_off", here[1]);
        Assert.All((await Store.ListLegsAsync(round.Id, Ct)).Where(l => l.Exchange == 1), l => Assert.Equal(LegState.Released, l.State));

        await CarryAsync(Sync, peerSync);
        var there = await peerSync.ListCrossLoopsAsync(round.Id, Ct);
        Assert.Equal("accepted", there[0]);
        Assert.Equal("called_off", there[1]);
        Assert.Equal(LotState.Open, (await peer.GetLotAsync(wangOther.Id, Ct))!.State);
        Assert.Equal(LotState.Matched, (await peer.GetLotAsync(kimLot.Id, Ct))!.State);
        Assert.All((await peer.ListLegsAsync(round.Id, Ct)).Where(l => l.Exchange == 1), l => Assert.Equal(LegState.Released, l.State));
        Assert.All((await peer.ListLegsAsync(round.Id, Ct)).Where(l => l.Exchange == 0), l => Assert.Equal(LegState.Pending, l.State));

        // The reopened lot reaches this node's replica with the next bundle; both logs verify.
        await CarryAsync(peerSync, Sync);
        Assert.Equal(LotState.Open, (await Store.GetLotAsync(wangOther.Id, Ct))!.State);
        Assert.True((await Sync.VerifyLogAsync(Ct)).All(c => c.IsValid));
        Assert.True((await peerSync.VerifyLogAsync(Ct)).All(c => c.IsValid));
    }

    private static Market.Catalog.GoodId Good(string code) => Market.Catalog.GoodId.Parse(code);
}
