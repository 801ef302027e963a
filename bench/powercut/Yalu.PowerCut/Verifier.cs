using System.Globalization;
using System.Text.Json;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.PowerCut;

/// <summary>
/// What a restarted node must find after a cut, read through the store it reopened (migrations,
/// pragmas, WAL recovery): <c>PRAGMA integrity_check</c> and <c>foreign_key_check</c> clean; every
/// acknowledged write present (its event at its sequence number, and its fact still true); and the
/// invariants over everything stored, acknowledged or not — a gapless event log, one
/// <c>lot.posted</c> event per lot, the trade book's own invariants (a lot in at most one pending
/// leg, a pending leg's lot matched), every matched lot in a pending leg, every handed-over lot in a
/// confirmed leg, legs only in cleared rounds and exactly as many as the round stored, at most one
/// round scheduled or running.
/// </summary>
internal sealed class Verifier(SqliteMarketStore store, Acknowledger output)
{
    private int _violations;

    /// <summary>Prints "lost …", "violation …" and a "checked …" summary; throws when the file is corrupt.</summary>
    public async Task<bool> RunAsync(IReadOnlyList<Acknowledgement> acknowledged)
    {
        string integrity = await store.PragmaAsync("integrity_check");
        if (integrity != "ok") throw new InvalidDataException("integrity_check: " + integrity);
        string foreignKeys = await store.PragmaAsync("foreign_key_check");
        if (foreignKeys.Length > 0) Violation("foreign_key_check names table " + foreignKeys);

        var events = new List<StoredEvent>();
        while (await store.ReadEventsAsync(events.Count > 0 ? events[^1].Seq : 0, 10_000) is { Count: > 0 } page) events.AddRange(page);
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i].Seq != i + 1)
            {
                Violation($"event log has a gap: seq {events[i].Seq} at position {i + 1}");
                break;
            }
        }
        var bySeq = events.ToDictionary(e => e.Seq);

        var lots = (await store.ListLotsAsync()).ToDictionary(l => l.Id);
        var rounds = await store.ListRoundsAsync(int.MaxValue);
        var legs = new List<Leg>();
        foreach (var round in rounds) legs.AddRange(await store.ListLegsAsync(round.Id));

        int lost = 0;
        foreach (var ack in acknowledged)
        {
            string? why = await CheckAsync(ack, bySeq, lots, rounds, legs);
            if (why is null) continue;
            lost++;
            output.Line($"lost {ack} ({why})");
        }

        CheckInvariants(events, lots, rounds, legs);
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"checked acks={acknowledged.Count} lost={lost} violations={_violations} events={events.Count} lots={lots.Count} rounds={rounds.Count} legs={legs.Count}"));
        return lost == 0 && _violations == 0;
    }

    private async Task<string?> CheckAsync(Acknowledgement ack, Dictionary<long, StoredEvent> bySeq,
        Dictionary<LotId, Lot> lots, IReadOnlyList<Round> rounds, List<Leg> legs)
    {
        if (!bySeq.TryGetValue(ack.Seq, out var stored)) return "no such event";
        if (stored.Kind != ack.Kind || stored.Subject != ack.Subject) return $"event {ack.Seq} is {stored.Kind} {stored.Subject}";
        switch (ack.Fact)
        {
            case "posted":
                return LotId.TryParse(ack.Subject, out var posted) && lots.ContainsKey(posted) ? null : "lot missing";
            case "wants":
                return LotId.TryParse(ack.Subject, out var wanting) && await store.GetWantListAsync(wanting) is not null ? null : "want list missing";
            case "withdrawn":
                return LotId.TryParse(ack.Subject, out var withdrawn) && lots.TryGetValue(withdrawn, out var w) && w.State == LotState.Withdrawn
                    ? null : "lot not withdrawn";
            case "scheduled" or "running" or "failed":
                var round = rounds.FirstOrDefault(r => r.Id.ToString() == ack.Subject);
                if (round is null) return "round missing";
                return ack.Fact == "failed" && round.State != RoundState.Failed ? $"round is {round.State}" : null;
            case var fact when fact.StartsWith("cleared:", StringComparison.Ordinal):
                var cleared = rounds.FirstOrDefault(r => r.Id.ToString() == ack.Subject);
                if (cleared?.State != RoundState.Cleared) return $"round is {cleared?.State.ToString() ?? "missing"}";
                int count = legs.Count(l => l.Round == cleared.Id);
                return count.ToString(CultureInfo.InvariantCulture) == fact["cleared:".Length..] ? null : $"round has {count} legs";
            case "confirmed" or "noshow":
                var leg = legs.FirstOrDefault(l => l.Id.ToString() == ack.Subject);
                var expected = ack.Fact == "confirmed" ? LegState.Confirmed : LegState.Failed;
                if (leg?.State != expected) return $"leg is {leg?.State.ToString() ?? "missing"}";
                return ack.Fact == "confirmed" && lots[leg.Lot].State != LotState.HandedOver ? "lot not handed over" : null;
            default:
                return "unknown fact " + ack.Fact;
        }
    }

    private void CheckInvariants(List<StoredEvent> events, Dictionary<LotId, Lot> lots, IReadOnlyList<Round> rounds, List<Leg> legs)
    {
        var postedEvents = events.Where(e => e.Kind == "lot.posted").Select(e => e.Subject).ToHashSet();
        if (postedEvents.Count != lots.Count || lots.Keys.Any(id => !postedEvents.Contains(id.ToString())))
            Violation($"{lots.Count} lots but {postedEvents.Count} lot.posted events");

        try
        {
            _ = new TradeBook(lots.Values, legs);
        }
        catch (InvalidOperationException e)
        {
            Violation("trade book: " + e.Message);
        }
        var pendingLots = legs.Where(l => l.IsPending).Select(l => l.Lot).ToHashSet();
        var confirmedLots = legs.Where(l => l.State == LegState.Confirmed).Select(l => l.Lot).ToHashSet();
        foreach (var lot in lots.Values)
        {
            if (lot.State == LotState.Matched && !pendingLots.Contains(lot.Id)) Violation($"lot {lot.Id} is matched without a pending leg");
            if (lot.State == LotState.HandedOver && !confirmedLots.Contains(lot.Id)) Violation($"lot {lot.Id} is handed over without a confirmed leg");
        }

        var storedLegs = events.Where(e => e.Kind == "round.cleared")
            .ToDictionary(e => e.Subject, e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("legs").GetArrayLength());
        foreach (var round in rounds)
        {
            int count = legs.Count(l => l.Round == round.Id);
            if (round.State != RoundState.Cleared && count > 0) Violation($"round {round.Id} is {round.State} but has {count} legs");
            if (round.State == RoundState.Cleared && storedLegs.GetValueOrDefault(round.Id.ToString(), -1) != count)
                Violation($"round {round.Id} has {count} legs, its round.cleared event says {storedLegs.GetValueOrDefault(round.Id.ToString(), -1)}");
        }
        if (rounds.Count(r => r.State is RoundState.Scheduled or RoundState.Running) > 1) Violation("more than one round scheduled or running");
    }

    private void Violation(string text)
    {
        _violations++;
        output.Line("violation " + text);
    }
}
