using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>
/// The facts of a peer's event as its replica needs them, read from the event's canonical payload
/// (<see cref="EventPayloads"/>). Reading never throws: a payload that does not read is an error
/// value naming the event, and the whole import is refused.
/// </summary>
internal static class ReplicaFacts
{
    public sealed record TraderFacts(Guid Id, string Handle, string Side, string Language, string Role, long CreditLimit, DateTimeOffset CreatedAt);

    public sealed record GoodFacts(string Id, string Category, string En, string Ko, string Zh, string Unit, long Low, long High);

    public sealed record LotFacts(Guid Id, Guid Owner, string Good, string Quantity, string Unit, long Value, bool Donor, Guid? Group, string State, DateTimeOffset CreatedAt, long Version);

    public sealed record WantFacts(string Kind, Guid? Lot, string? Good, string? Category, long MinPercent);

    public sealed record WantsFacts(Guid Lot, Guid Owner, IReadOnlyList<WantFacts> Entries);

    public sealed record RoundFacts(Guid Id, Guid Keeper, long CycleCap, long ChainCap, string Objective, long TimeLimitMs, string State, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, bool Credit);

    public sealed record LegFacts(Guid Id, long Exchange, long Position, Guid Giver, Guid Lot, Guid Receiver);

    public sealed record ClearedFacts(RoundFacts Round, IReadOnlyList<LegFacts> Legs, IReadOnlyList<long> Proposed);

    public sealed record LegStateFacts(Guid Id, string State);

    public sealed record AnswerFacts(Guid Round, long Exchange, bool Accepted, string Reason);

    private const int MaxEntries = 10_000;

    /// <summary>The payload's format byte and actor; null format for a format-0 (pre-keys) payload, which replicas do not apply.</summary>
    private static bool Header(ref CanonicalReader r, out string actor)
    {
        byte format = r.ReadByte("format");
        actor = r.ReadString("actor", EventPayloads.MaxText);
        if (r.Error is null && format > EventPayloads.Facts) r.Fail("format", $"payload format {format} is not known to this build");
        return format == EventPayloads.Facts;
    }

    /// <summary>The actor an event names (a trader id or "node"), or "?" when the payload does not say.</summary>
    public static string Actor(ReadOnlySpan<byte> payload)
    {
        var r = new CanonicalReader(payload, "payload");
        Header(ref r, out string actor);
        return r.Error is null ? actor : "?";
    }

    public static SyncResult<TraderFacts?> Trader(ReadOnlySpan<byte> payload)
    {
        var r = new CanonicalReader(payload, "trader payload");
        if (!Header(ref r, out _)) return Skip<TraderFacts>(r);
        var f = new TraderFacts(r.ReadGuid("id"), r.ReadString("handle", 64), r.ReadString("side", 16), r.ReadString("language", 8), r.ReadString("role", 16),
            r.ReadInt64("credit limit"), r.ReadTimestamp("created"));
        return Finish<TraderFacts>(ref r, f);
    }

    public static SyncResult<GoodFacts?> Good(ReadOnlySpan<byte> payload)
    {
        var r = new CanonicalReader(payload, "good payload");
        if (!Header(ref r, out _)) return Skip<GoodFacts>(r);
        var f = new GoodFacts(r.ReadString("id", 16), r.ReadString("category", 64), r.ReadString("en", EventPayloads.MaxText), r.ReadString("ko", EventPayloads.MaxText),
            r.ReadString("zh", EventPayloads.MaxText), r.ReadString("unit", 32), r.ReadInt64("low"), r.ReadInt64("high"));
        return Finish<GoodFacts>(ref r, f);
    }

    public static SyncResult<LotFacts?> Lot(ReadOnlySpan<byte> payload)
    {
        var r = new CanonicalReader(payload, "lot payload");
        if (!Header(ref r, out _)) return Skip<LotFacts>(r);
        var f = new LotFacts(r.ReadGuid("id"), r.ReadGuid("owner"), r.ReadString("good", 16), r.ReadString("quantity", 64), r.ReadString("unit", 32),
            r.ReadInt64("value"), r.ReadBool("donor"), r.ReadOptionalGuid("group"), r.ReadString("state", 16), r.ReadTimestamp("created"), r.ReadInt64("version"));
        return Finish<LotFacts>(ref r, f);
    }

    public static SyncResult<WantsFacts?> Wants(ReadOnlySpan<byte> payload)
    {
        var r = new CanonicalReader(payload, "want list payload");
        if (!Header(ref r, out _)) return Skip<WantsFacts>(r);
        var lot = r.ReadGuid("lot");
        var owner = r.ReadGuid("owner");
        int count = r.ReadCount("entries", 10, MaxEntries);
        var entries = new List<WantFacts>(count);
        for (int i = 0; i < count && r.Error is null; i++)
            entries.Add(new WantFacts(r.ReadString("kind", 16), r.ReadOptionalGuid("lot"), r.ReadOptionalString("good"), r.ReadOptionalString("category"), r.ReadInt64("min percent")));
        return Finish<WantsFacts>(ref r, new WantsFacts(lot, owner, entries));
    }

    private static RoundFacts ReadRound(ref CanonicalReader r)
    {
        var id = r.ReadGuid("id");
        var keeper = r.ReadGuid("keeper");
        long cycle = r.ReadInt64("cycle cap"), chain = r.ReadInt64("chain cap");
        string objective = r.ReadString("objective", 16);
        long limit = r.ReadInt64("time limit");
        string state = r.ReadString("state", 16);
        var created = r.ReadTimestamp("created");
        DateTimeOffset? finished = r.ReadBool("finished") ? r.ReadTimestamp("finished at") : null;
        bool credit = r.ReadBool("credit");
        return new RoundFacts(id, keeper, cycle, chain, objective, limit, state, created, finished, credit);
    }

    public static SyncResult<ClearedFacts?> Cleared(ReadOnlySpan<byte> payload)
    {
        var r = new CanonicalReader(payload, "round payload");
        if (!Header(ref r, out _)) return Skip<ClearedFacts>(r);
        var round = ReadRound(ref r);
        int count = r.ReadCount("legs", 80, MaxEntries);
        var legs = new List<LegFacts>(count);
        for (int i = 0; i < count && r.Error is null; i++)
            legs.Add(new LegFacts(r.ReadGuid("leg"), r.ReadInt64("exchange"), r.ReadInt64("position"), r.ReadGuid("giver"), r.ReadGuid("lot"), r.ReadGuid("receiver")));
        int proposedCount = r.ReadCount("proposed", 8, MaxEntries);
        var proposed = new List<long>(proposedCount);
        for (int i = 0; i < proposedCount && r.Error is null; i++) proposed.Add(r.ReadInt64("exchange"));
        return Finish<ClearedFacts>(ref r, new ClearedFacts(round, legs, proposed));
    }

    public static SyncResult<IReadOnlyList<LegStateFacts>?> Legs(ReadOnlySpan<byte> payload)
    {
        var r = new CanonicalReader(payload, "legs payload");
        if (!Header(ref r, out _)) return Skip<IReadOnlyList<LegStateFacts>>(r);
        int count = r.ReadCount("legs", 17, MaxEntries);
        var legs = new List<LegStateFacts>(count);
        for (int i = 0; i < count && r.Error is null; i++) legs.Add(new LegStateFacts(r.ReadGuid("leg"), r.ReadString("state", 16)));
        return Finish<IReadOnlyList<LegStateFacts>>(ref r, legs);
    }

    public static SyncResult<AnswerFacts?> Answer(ReadOnlySpan<byte> payload)
    {
        var r = new CanonicalReader(payload, "answer payload");
        if (!Header(ref r, out _)) return Skip<AnswerFacts>(r);
        var f = new AnswerFacts(r.ReadGuid("round"), r.ReadInt64("exchange"), r.ReadBool("accepted"), r.ReadString("reason", EventPayloads.MaxText));
        return Finish<AnswerFacts>(ref r, f);
    }

    private static SyncResult<T?> Skip<T>(CanonicalReader r) where T : class =>
        r.Error is null ? SyncResult.Ok<T?>(null) : SyncResult.Fail<T?>(r.Error);

    private static SyncResult<T?> Finish<T>(ref CanonicalReader r, T value) where T : class
    {
        var done = r.Finish(value);
        return done.Success ? SyncResult.Ok<T?>(done.Value) : SyncResult.Fail<T?>(done.Error!);
    }
}
