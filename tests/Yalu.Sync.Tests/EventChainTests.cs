using Xunit;

namespace Yalu.Sync.Tests;

public sealed class EventChainTests
{
    private static readonly List<SignedEvent> Chain = TestNodes.Chain(TestNodes.Hyesan, 12);

    [Fact]
    public void Whole_chain_verifies_and_ends_at_its_last_event()
    {
        var check = EventChain.Verify(Chain, TestNodes.Hyesan.Card);
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(12, check.Verified);
        Assert.Equal(ChainTip.After(Chain[^1]), check.Tip);
    }

    [Fact]
    public void Continuation_verifies_after_its_tip()
    {
        var check = EventChain.Verify(Chain.Skip(5), TestNodes.Hyesan.Card, ChainTip.After(Chain[4]));
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(7, check.Verified);
    }

    [Fact]
    public void Tampered_payload_is_the_first_bad_event()
    {
        var events = Chain.ToList();
        var bytes = events[6].Encode();
        bytes[bytes.Length - 64 - 3] ^= 0x40; // a payload byte
        events[6] = SignedEvent.Decode(bytes).Value;
        var check = EventChain.Verify(events, TestNodes.Hyesan.Card);
        Assert.Equal(ChainFault.BadSignature, check.Fault);
        Assert.Equal(6, check.FailedIndex);
        Assert.Equal(7, check.FailedEvent!.Seq);
        Assert.Equal(6, check.Verified);
        Assert.Equal(SyncCodes.ChainBadSignature, check.Error!.Code);
        Assert.Contains("event 7", check.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tampered_signature_is_the_first_bad_event()
    {
        var events = Chain.ToList();
        var bytes = events[3].Encode();
        bytes[^1] ^= 0x01;
        events[3] = SignedEvent.Decode(bytes).Value;
        var check = EventChain.Verify(events, TestNodes.Hyesan.Card);
        Assert.Equal(ChainFault.BadSignature, check.Fault);
        Assert.Equal(3, check.FailedIndex);
    }

    [Fact]
    public void Event_signed_over_a_wrong_previous_hash_is_found()
    {
        var events = Chain.Take(4).ToList();
        var wrong = new byte[32];
        wrong[0] = 1;
        events.Add(SignedEvent.Create(TestNodes.Hyesan, 5, wrong, DateTimeOffset.UnixEpoch, "lot.posted", "x", []));
        var check = EventChain.Verify(events, TestNodes.Hyesan.Card);
        Assert.Equal(ChainFault.WrongPrevHash, check.Fault);
        Assert.Equal(4, check.FailedIndex);
        Assert.Equal(SyncCodes.ChainWrongPrevHash, check.Error!.Code);
    }

    [Fact]
    public void Gap_and_duplicate_are_told_apart()
    {
        var gap = Chain.Where(e => e.Seq != 4).ToList();
        var g = EventChain.Verify(gap, TestNodes.Hyesan.Card);
        Assert.Equal(ChainFault.SequenceGap, g.Fault);
        Assert.Equal(3, g.FailedIndex);
        Assert.Contains("4..4", g.Error!.Message, StringComparison.Ordinal);

        var duplicate = Chain.Take(5).Append(Chain[4]).ToList();
        var d = EventChain.Verify(duplicate, TestNodes.Hyesan.Card);
        Assert.Equal(ChainFault.SequenceDuplicate, d.Fault);
        Assert.Equal(5, d.FailedIndex);
    }

    [Fact]
    public void Another_nodes_event_is_wrong_node()
    {
        var events = Chain.Take(2).Append(TestNodes.Chain(TestNodes.Changbai, 3)[2]).ToList();
        var check = EventChain.Verify(events, TestNodes.Hyesan.Card);
        Assert.Equal(ChainFault.WrongNode, check.Fault);
        Assert.Equal(2, check.FailedIndex);
    }

    [Fact]
    public void Chain_verified_with_another_nodes_card_fails_at_the_first_event()
    {
        var check = EventChain.Verify(Chain, TestNodes.Changbai.Card);
        Assert.Equal(ChainFault.WrongNode, check.Fault);
        Assert.Equal(0, check.FailedIndex);
    }

    [Fact]
    public void Large_chain_checked_in_parallel_finds_the_same_first_bad_event()
    {
        var events = TestNodes.Chain(TestNodes.Hyesan, 600);
        var bytes = events[400].Encode();
        bytes[^10] ^= 0x80;
        events[400] = SignedEvent.Decode(bytes).Value;
        var bytes2 = events[500].Encode();
        bytes2[^10] ^= 0x80;
        events[500] = SignedEvent.Decode(bytes2).Value;
        var check = EventChain.Verify(events, TestNodes.Hyesan.Card);
        Assert.Equal(400, check.FailedIndex);
        Assert.Equal(ChainFault.BadSignature, check.Fault);
    }

    [Fact]
    public void Links_only_check_skips_signatures_but_still_finds_a_broken_link()
    {
        var events = Chain.ToList();
        var bytes = events[3].Encode();
        bytes[^1] ^= 0x01;
        events[3] = SignedEvent.Decode(bytes).Value;
        Assert.True(EventChain.Verify(events.Take(4), TestNodes.Hyesan.Card, verifySignatures: false).IsValid);
        // The changed event hashes differently, so the next event's link to it breaks.
        var check = EventChain.Verify(events, TestNodes.Hyesan.Card, verifySignatures: false);
        Assert.Equal(ChainFault.WrongPrevHash, check.Fault);
        Assert.Equal(4, check.FailedIndex);
    }

    [Fact]
    public void Continuation_from_a_tip_with_another_hash_is_a_wrong_previous_hash()
    {
        var otherTip = new ChainTip(5, Chain[0].Hash());
        var check = EventChain.Verify(Chain.Skip(5), TestNodes.Hyesan.Card, otherTip);
        Assert.Equal(ChainFault.WrongPrevHash, check.Fault);
        Assert.Equal(0, check.FailedIndex);
        Assert.Equal(otherTip, check.Tip);
    }
}
