using System.Globalization;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Sync;

namespace Yalu.Fuzz;

/// <summary>
/// The readers a node applies to the other bank's events (<see cref="ReplicaFacts"/>, src/Yalu.Storage)
/// under the fuzzer. The first byte of an input picks the reader (its value modulo <see cref="Readers"/>'
/// count: trader, good, lot, wants, cleared, legs, answer), the rest is the payload; the actor reader
/// runs on every payload too. Besides never throwing, a facts payload (format byte <see cref="EventPayloads.Facts"/>)
/// that reads must give a value and be read to its last byte: the same payload one byte shorter must be an error
/// (the encoding is canonical, nothing is optional at the end). A format-0 payload (actor, then legacy JSON the
/// replica does not apply) reads as "nothing to apply" whatever follows its actor, by design.
/// <para>
/// Seeds are made, not stored: a <c>.replica-seed</c> file in bench/Yalu.Fuzz/seeds/replica holds
/// <c>reader=NAME</c> (<see cref="Seed"/>), and the payload is written by <see cref="EventPayloads"/>,
/// so the seeds follow the format when it changes.
/// </para>
/// </summary>
internal static class ReplicaFuzz
{
    private delegate string? Reader(ReadOnlySpan<byte> payload, out bool applied);

    private static readonly (string Name, Reader Read)[] Readers =
    [
        ("trader", (ReadOnlySpan<byte> p, out bool a) => Error(ReplicaFacts.Trader(p), out a)),
        ("good", (ReadOnlySpan<byte> p, out bool a) => Error(ReplicaFacts.Good(p), out a)),
        ("lot", (ReadOnlySpan<byte> p, out bool a) => Error(ReplicaFacts.Lot(p), out a)),
        ("wants", (ReadOnlySpan<byte> p, out bool a) => Error(ReplicaFacts.Wants(p), out a)),
        ("cleared", (ReadOnlySpan<byte> p, out bool a) => Error(ReplicaFacts.Cleared(p), out a)),
        ("legs", (ReadOnlySpan<byte> p, out bool a) => Error(ReplicaFacts.Legs(p), out a)),
        ("answer", (ReadOnlySpan<byte> p, out bool a) => Error(ReplicaFacts.Answer(p), out a)),
    ];

    public static void Run(byte[] bytes)
    {
        if (bytes.Length < 2) { if (bytes.Length == 1) _ = Readers[bytes[0] % Readers.Length].Read([], out _); return; }
        var (name, read) = Readers[bytes[0] % Readers.Length];
        var payload = bytes.AsSpan(1);
        _ = ReplicaFacts.Actor(payload);
        if (read(payload, out bool applied) is not null || payload[0] != EventPayloads.Facts) return;
        if (!applied) Fail($"the {name} reader read a facts payload to nothing");
        if (read(payload[..^1], out _) is null) Fail($"the {name} reader read a payload and also the same payload without its last byte");
    }

    /// <summary>Null for a value (<paramref name="applied"/> when it is not null); for an error, checks it has a code and a message, and returns the message.</summary>
    private static string? Error<T>(SyncResult<T?> result, out bool applied) where T : class
    {
        applied = result.Success && result.Value is not null;
        if (result.Success) return null;
        if (result.Error.Code.Length != 5 || !result.Error.Code.StartsWith("SY", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(result.Error.Message))
            Fail($"an error without a proper code or message: {result.Error}");
        return result.Error.Message;
    }

    /// <summary>Builds a seed from its spec file: <c>reader=trader|good|lot|legs|answer</c>, a payload as <see cref="EventPayloads"/> writes it.</summary>
    public static byte[] Seed(string path)
    {
        string reader = File.ReadAllText(path).Trim().Split('=', 2) is ["reader", var r] ? r : throw new InvalidDataException($"{path}: expected reader=NAME");
        int index = Array.FindIndex(Readers, x => x.Name == reader);
        if (index < 0) throw new InvalidDataException($"{path}: no reader '{reader}'");
        var clock = new FixedClock();
        var trader = Trader.Register(Handle.Parse("kim-hana"), Side.Changbai, Language.Ko, clock);
        byte[] payload = reader switch
        {
            "trader" => EventPayloads.Trader(null, trader),
            "good" => EventPayloads.Good(trader.Id, new Good(GoodId.Parse("G01"), CategoryId.Grain, "rice", "쌀", "大米", UnitCode.Parse("kg"), Money.Parse("4"), Money.Parse("6"))),
            "lot" => EventPayloads.Lot(trader.Id, Lot.Post(trader.Id, GoodId.Parse("G01"), Quantity.Of(25, "kg"), null, Money.Parse("120"), false, null, clock).Value.AtVersion(2)),
            "legs" => EventPayloads.Legs(trader.Id, []),
            "answer" => EventPayloads.LoopAnswer(RoundId.New(clock), 3, false, "the lot is gone"),
            _ => throw new InvalidDataException($"{path}: no seed is written for reader '{reader}'"),
        };
        return [(byte)index, .. payload];
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.Parse("2026-02-01T09:00:00Z", CultureInfo.InvariantCulture);
    }

    private static void Fail(string message) => throw new InvariantViolationException(message);
}
