using System.Globalization;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>
/// The canonical binary payloads of the signed event log (<see cref="CanonicalWriter"/>): what a
/// signature covers and what a peer applies, field by field in a fixed order, never re-serialised
/// JSON. Every payload starts with a format byte and the actor (a trader id, or "node"); format 1
/// then holds the kind's facts, format 0 (<see cref="Legacy"/>) the JSON text of an event written
/// before the node had keys. Payloads never carry a lot's note, a pass phrase or its hash.
/// </summary>
internal static partial class EventPayloads
{
    /// <summary>The format byte of events written with keys.</summary>
    public const byte Facts = 1;

    /// <summary>The format byte of an event written before the node had keys: its JSON, signed as it was.</summary>
    public const byte LegacyJson = 0;

    /// <summary>The longest actor or id text a payload carries.</summary>
    public const int MaxText = 512;

    public static byte[] Legacy(string actor, string json)
    {
        var w = Start(LegacyJson, actor);
        w.WriteString(json);
        return w.ToArray();
    }

    public static CanonicalWriter Start(byte format, string actor)
    {
        var w = new CanonicalWriter(128);
        w.WriteByte(format);
        w.WriteString(actor);
        return w;
    }

    public static string Actor(TraderId? actor) => actor?.ToString() ?? "node";

    public static void WriteGuid(this CanonicalWriter w, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        w.WriteFixed(bytes);
    }

    public static void WriteOptionalGuid(this CanonicalWriter w, Guid? id)
    {
        w.WriteBool(id is not null);
        if (id is { } value) w.WriteGuid(value);
    }

    public static void WriteOptionalString(this CanonicalWriter w, string? text)
    {
        w.WriteBool(text is not null);
        if (text is not null) w.WriteString(text);
    }

    public static Guid ReadGuid(this ref CanonicalReader r, string field)
    {
        var bytes = r.ReadFixed(16, field);
        return r.Error is null ? new Guid(bytes, bigEndian: true) : Guid.Empty;
    }

    public static Guid? ReadOptionalGuid(this ref CanonicalReader r, string field) => r.ReadBool(field) ? r.ReadGuid(field) : null;

    public static string? ReadOptionalString(this ref CanonicalReader r, string field) => r.ReadBool(field) ? r.ReadString(field, MaxText) : null;

    public static byte[] Trader(TraderId? actor, Trader t)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteGuid(t.Id.Value);
        w.WriteString(t.Handle.Value);
        w.WriteString(DbText.Of(t.Side));
        w.WriteString(DbText.Of(t.Language));
        w.WriteString(DbText.Of(t.Role));
        w.WriteInt64(t.CreditLimit.Fen);
        w.WriteTimestamp(t.CreatedAt);
        return w.ToArray();
    }

    public static byte[] Credential(TraderId? actor, TraderId trader)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteGuid(trader.Value);
        return w.ToArray();
    }

    public static byte[] Good(TraderId? actor, Good g)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteString(g.Id.Value);
        w.WriteString(g.Category.Value);
        w.WriteString(g.NameEn);
        w.WriteString(g.NameKo);
        w.WriteString(g.NameZh);
        w.WriteString(g.Unit.Value);
        w.WriteInt64(g.PriceLow.Fen);
        w.WriteInt64(g.PriceHigh.Fen);
        return w.ToArray();
    }

    public static byte[] Lot(TraderId? actor, Lot l)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteGuid(l.Id.Value);
        w.WriteGuid(l.Owner.Value);
        w.WriteString(l.Good.Value);
        w.WriteString(l.Quantity.Amount.ToString(CultureInfo.InvariantCulture));
        w.WriteString(l.Quantity.Unit.Value);
        w.WriteInt64(l.Value.Fen);
        w.WriteBool(l.IsDonor);
        w.WriteOptionalGuid(l.Group?.Value);
        w.WriteString(DbText.Of(l.State));
        w.WriteTimestamp(l.CreatedAt);
        w.WriteInt64(l.Version);
        return w.ToArray();
    }

    public static byte[] Wants(TraderId? actor, WantList wants)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteGuid(wants.Lot.Value);
        w.WriteGuid(wants.Owner.Value);
        w.WriteVarUInt((ulong)wants.Entries.Length);
        foreach (var e in wants.Entries)
        {
            w.WriteString(DbText.Of(e.Kind));
            w.WriteOptionalGuid(e.Lot?.Value);
            w.WriteOptionalString(e.Good?.Value);
            w.WriteOptionalString(e.Category?.Value);
            w.WriteInt64(e.MinPercent);
        }
        return w.ToArray();
    }

    public static byte[] Rate(TraderId? actor, KpwRate rate)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteString(rate.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString(rate.Place);
        w.WriteString(rate.KpwPerCny.ToString(CultureInfo.InvariantCulture));
        return w.ToArray();
    }

    public static byte[] Round(TraderId? actor, Round round)
    {
        var w = Start(Facts, Actor(actor));
        WriteRound(w, round);
        return w.ToArray();
    }

    private static void WriteRound(CanonicalWriter w, Round round)
    {
        var p = round.Parameters;
        w.WriteGuid(round.Id.Value);
        w.WriteGuid(round.Keeper.Value);
        w.WriteInt64(p.CycleCap);
        w.WriteInt64(p.ChainCap);
        w.WriteString(DbText.Of(p.Objective));
        w.WriteInt64((long)p.TimeLimit.TotalMilliseconds);
        w.WriteString(DbText.Of(round.State));
        w.WriteTimestamp(round.CreatedAt);
        w.WriteBool(round.FinishedAt is not null);
        if (round.FinishedAt is { } finished) w.WriteTimestamp(finished);
        w.WriteBool(p.Credit);
    }

    /// <summary>A cleared round with its legs and the exchanges that wait for the other bank.</summary>
    public static byte[] Cleared(TraderId? actor, Round round, IReadOnlyList<Leg> legs, IReadOnlyCollection<int> proposed)
    {
        var w = Start(Facts, Actor(actor));
        WriteRound(w, round);
        w.WriteVarUInt((ulong)legs.Count);
        foreach (var l in legs)
        {
            w.WriteGuid(l.Id.Value);
            w.WriteInt64(l.Exchange);
            w.WriteInt64(l.Position);
            w.WriteGuid(l.Giver.Value);
            w.WriteGuid(l.Lot.Value);
            w.WriteGuid(l.Receiver.Value);
        }
        w.WriteVarUInt((ulong)proposed.Count);
        foreach (int exchange in proposed.Order()) w.WriteInt64(exchange);
        return w.ToArray();
    }

    /// <summary>Legs that changed state (a handover, a no-show, a loop released).</summary>
    public static byte[] Legs(TraderId? actor, IEnumerable<Leg> legs)
    {
        var list = legs.ToList();
        var w = Start(Facts, Actor(actor));
        w.WriteVarUInt((ulong)list.Count);
        foreach (var l in list)
        {
            w.WriteGuid(l.Id.Value);
            w.WriteString(DbText.Of(l.State));
        }
        return w.ToArray();
    }

    /// <summary>A node's answer to a proposed cross-bank exchange of another node's round.</summary>
    public static byte[] LoopAnswer(RoundId round, int exchange, bool accepted, string reason)
    {
        var w = Start(Facts, "node");
        w.WriteGuid(round.Value);
        w.WriteInt64(exchange);
        w.WriteBool(accepted);
        w.WriteString(reason);
        return w.ToArray();
    }
}
