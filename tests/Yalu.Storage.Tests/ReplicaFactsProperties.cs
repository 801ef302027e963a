using CsCheck;
using Xunit;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Testing;

namespace Yalu.Storage.Tests;

/// <summary>
/// The readers of a peer's event payloads (<see cref="ReplicaFacts"/>) take bytes that came across
/// the river: whatever they are given they return a value or an error, never throw, and read back
/// exactly what <see cref="EventPayloads"/> wrote.
/// </summary>
public sealed class ReplicaFactsProperties
{
    private static readonly TestClock Clock = new();

    [Fact]
    public void Every_reader_returns_a_value_or_an_error_for_any_bytes()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            _ = ReplicaFacts.Trader(bytes);
            _ = ReplicaFacts.Good(bytes);
            _ = ReplicaFacts.Lot(bytes);
            _ = ReplicaFacts.Wants(bytes);
            _ = ReplicaFacts.Cleared(bytes);
            _ = ReplicaFacts.Legs(bytes);
            _ = ReplicaFacts.Answer(bytes);
            _ = ReplicaFacts.Actor(bytes);
        }, iter: 20_000);
    }

    [Fact]
    public void A_lot_and_a_trader_read_back_as_written_and_any_cut_is_an_error()
    {
        Gen.Select(Gen.Int[1, 1000], Gen.Long[0, 1_000_000_000], Gen.Bool).Sample((amount, fen, donor) =>
        {
            var trader = Trader.Register(Handle.Parse("kim-hana"), Side.Changbai, Language.Zh, Clock);
            var lot = Lot.Post(trader.Id, GoodId.Parse("G01"), Quantity.Of(amount, "kg"), "never sent", new Money(fen), donor, null, Clock).Value.AtVersion(3);
            byte[] bytes = EventPayloads.Lot(trader.Id, lot);
            var read = ReplicaFacts.Lot(bytes);
            Assert.True(read.Success);
            var f = read.Value!;
            Assert.Equal((lot.Id.Value, lot.Owner.Value, "G01", fen, donor, "open", 3L), (f.Id, f.Owner, f.Good, f.Value, f.Donor, f.State, f.Version));
            Assert.Equal(lot.Quantity.Amount, decimal.Parse(f.Quantity, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(trader.Id.ToString(), ReplicaFacts.Actor(bytes));
            var t = ReplicaFacts.Trader(EventPayloads.Trader(null, trader)).Value!;
            Assert.Equal((trader.Id.Value, "kim-hana", "changbai", "zh"), (t.Id, t.Handle, t.Side, t.Language));
            for (int cut = 0; cut < bytes.Length; cut++) Assert.False(ReplicaFacts.Lot(bytes.AsSpan(0, cut)).Success);
        }, iter: 200);
    }
}
