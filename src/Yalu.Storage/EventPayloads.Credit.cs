using System.Globalization;
using Yalu.Market.Credit;
using Yalu.Market.Trading;
using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>
/// The canonical payloads of the credit ledger's and the price bulletin's events. They stay the home
/// node's own business (a peer keeps no replica of them), but they are signed like every other event,
/// so <c>yalu log verify</c> covers them. An IOU's memo is the parties' own words and is never in one.
/// </summary>
internal static partial class EventPayloads
{
    /// <summary>A keeper set a trader's credit limit.</summary>
    public static byte[] CreditLimit(TraderId? actor, TraderId trader, Money limit)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteGuid(trader.Value);
        w.WriteInt64(limit.Fen);
        return w.ToArray();
    }

    /// <summary>An IOU proposed, accepted, declined or settled, with the ledger entry it posted (if any).</summary>
    public static byte[] Iou(TraderId? actor, Iou iou, IReadOnlyList<LedgerEntry> entries)
    {
        var w = Start(Facts, Actor(actor));
        WriteIou(w, iou);
        WriteEntries(w, entries);
        return w.ToArray();
    }

    /// <summary>A set-off run: its totals, the IOUs it reduced and the entries it posted.</summary>
    public static byte[] Setoff(TraderId? actor, SetoffRun run, IReadOnlyList<Iou> reduced, IReadOnlyList<LedgerEntry> entries)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteGuid(run.Id);
        w.WriteGuid(run.Keeper.Value);
        w.WriteTimestamp(run.At);
        w.WriteInt64(run.Obligations);
        w.WriteInt64(run.Total.Fen);
        w.WriteInt64(run.Cleared.Fen);
        w.WriteVarUInt((ulong)reduced.Count);
        foreach (var iou in reduced) WriteIou(w, iou);
        WriteEntries(w, entries);
        return w.ToArray();
    }

    /// <summary>The other bank's price bulletin, imported.</summary>
    public static byte[] Bulletin(TraderId? actor, Bulletin bulletin, bool replaced)
    {
        var w = Start(Facts, Actor(actor));
        w.WriteString(DbText.Of(bulletin.Market));
        w.WriteString(bulletin.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteOptionalString(bulletin.KpwPerCny?.ToString(CultureInfo.InvariantCulture));
        w.WriteVarUInt((ulong)bulletin.Lines.Count);
        foreach (var line in bulletin.Lines)
        {
            w.WriteString(line.Good.Value);
            w.WriteInt64(line.MedianPerUnit.Fen);
            w.WriteInt64(line.Legs);
        }
        w.WriteBool(replaced);
        return w.ToArray();
    }

    private static void WriteIou(CanonicalWriter w, Iou iou)
    {
        w.WriteGuid(iou.Id.Value);
        w.WriteGuid(iou.Creditor.Value);
        w.WriteGuid(iou.Debtor.Value);
        w.WriteInt64(iou.Amount.Fen);
        w.WriteInt64(iou.Remaining.Fen);
        w.WriteString(DbText.Of(iou.State));
        w.WriteTimestamp(iou.CreatedAt);
    }

    private static void WriteEntries(CanonicalWriter w, IReadOnlyList<LedgerEntry> entries)
    {
        w.WriteVarUInt((ulong)entries.Count);
        foreach (var e in entries)
        {
            w.WriteString(DbText.Of(e.Kind));
            w.WriteString(e.Reference);
            w.WriteOptionalGuid(e.Credit?.Value);
            w.WriteOptionalGuid(e.Debit?.Value);
            w.WriteInt64(e.Amount.Fen);
        }
    }
}
