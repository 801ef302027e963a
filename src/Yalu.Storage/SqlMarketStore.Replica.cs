using System.Globalization;
using Yalu.Market.Trading;
using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>
/// Applying a peer's events to its replica: traders, lots and want lists whose home is the peer,
/// its cleared rounds and their legs, handovers, and the answers to cross-bank exchanges. A replica
/// row is written only from its home node's events (<c>home</c> = that node); an event that would
/// touch a row of another home is refused, and with it the whole bundle.
/// </summary>
public abstract partial class SqlMarketStore
{
    /// <summary>What an import's answers to proposed cross-bank exchanges came to.</summary>
    private sealed class ReplicaAnswers
    {
        public int Accepted { get; set; }

        public int CalledOff { get; set; }
    }

    private async Task<SyncError?> ApplyReplicaAsync(Prepared db, string home, SignedEvent e, ReplicaAnswers answers, CancellationToken cancellationToken)
    {
        var payload = e.Payload.ToArray();
        switch (e.Kind)
        {
            case "trader.registered" or "trader.updated":
            {
                var read = ReplicaFacts.Trader(payload);
                return read.Success ? (read.Value is { } t ? await ApplyTraderAsync(db, home, t, cancellationToken) : null) : read.Error;
            }
            case "good.upserted":
            {
                var read = ReplicaFacts.Good(payload);
                if (!read.Success) return read.Error;
                if (read.Value is { } g)
                    // The catalog is shared: a good the peer knows and this node does not is added, never changed.
                    await db.ExecuteAsync(
                        "INSERT INTO goods (id, category, name_en, name_ko, name_zh, unit, price_low, price_high) VALUES (@id, @category, @en, @ko, @zh, @unit, @low, @high) ON CONFLICT (id) DO NOTHING",
                        cancellationToken, ("id", g.Id), ("category", g.Category), ("en", g.En), ("ko", g.Ko), ("zh", g.Zh), ("unit", g.Unit), ("low", g.Low), ("high", g.High));
                return null;
            }
            case var kind when kind.StartsWith("lot.", StringComparison.Ordinal):
            {
                var read = ReplicaFacts.Lot(payload);
                return read.Success ? (read.Value is { } l ? await ApplyLotAsync(db, home, l, cancellationToken) : null) : read.Error;
            }
            case "wants.set":
            {
                var read = ReplicaFacts.Wants(payload);
                return read.Success ? (read.Value is { } w ? await ApplyWantsAsync(db, home, w, cancellationToken) : null) : read.Error;
            }
            case "round.cleared":
            {
                var read = ReplicaFacts.Cleared(payload);
                return read.Success ? (read.Value is { } r ? await ApplyClearedAsync(db, home, r, answers, cancellationToken) : null) : read.Error;
            }
            case var kind when kind.StartsWith("leg.", StringComparison.Ordinal):
            {
                var read = ReplicaFacts.Legs(payload);
                if (!read.Success) return read.Error;
                foreach (var leg in read.Value ?? [])
                    await db.ExecuteAsync("UPDATE legs SET state = @state WHERE id = @id AND state = 'pending'", cancellationToken,
                        ("id", Id(leg.Id)), ("state", leg.State));
                return null;
            }
            case "loop.accepted" or "loop.called_off":
            {
                var read = ReplicaFacts.Answer(payload);
                if (!read.Success) return read.Error;
                if (read.Value is { } a) await ApplyAnswerAsync(db, home, a, answers, cancellationToken);
                return null;
            }
            default:
                // Rates, credentials, scheduled and failed rounds stay the home node's own business.
                return null;
        }
    }

    private static SyncError Refused(string message) => new(NodeSyncCodes.ReplicaRejected, message);

    private async Task<SyncError?> ApplyTraderAsync(Prepared db, string home, ReplicaFacts.TraderFacts t, CancellationToken cancellationToken)
    {
        var handle = Handle.Create(t.Handle);
        if (!handle.IsOk) return Refused($"handle \"{t.Handle}\": {handle.Error.Message}");
        int rows = await db.ExecuteAsync(
            "INSERT INTO traders (id, handle, handle_key, side, language, role, credit_limit, created_at, home) VALUES (@id, @handle, @key, @side, @language, @role, @limit, @at, @home) "
            + "ON CONFLICT (id) DO UPDATE SET side = excluded.side, language = excluded.language, role = excluded.role, credit_limit = excluded.credit_limit WHERE traders.home = excluded.home",
            cancellationToken,
            // A peer's handle never takes a local one: its key carries the home node.
            ("id", Id(t.Id)), ("handle", handle.Value.Value), ("key", handle.Value.Key + "@" + home), ("side", t.Side), ("language", t.Language),
            ("role", t.Role), ("limit", t.CreditLimit), ("at", t.CreatedAt), ("home", home));
        return rows == 1 ? null : Refused($"trader {t.Id} is not the sender's");
    }

    private async Task<SyncError?> ApplyLotAsync(Prepared db, string home, ReplicaFacts.LotFacts l, CancellationToken cancellationToken)
    {
        if (await db.ScalarAsync("SELECT home FROM traders WHERE id = @id", cancellationToken, ("id", Id(l.Owner))) as string != home)
            return Refused($"lot {l.Id}'s owner {l.Owner} is not one of the sender's traders");
        if (!decimal.TryParse(l.Quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal quantity))
            return Refused($"lot {l.Id}'s quantity \"{l.Quantity}\" is not a number");
        int rows = await db.ExecuteAsync(
            "INSERT INTO lots (id, owner_id, good_id, quantity, unit, note, value, is_donor, group_id, state, created_at, version, home) "
            + "VALUES (@id, @owner, @good, @quantity, @unit, '', @value, @donor, @group, @state, @at, @version, @home) "
            + "ON CONFLICT (id) DO UPDATE SET quantity = excluded.quantity, unit = excluded.unit, value = excluded.value, group_id = excluded.group_id, "
            + "state = excluded.state, version = excluded.version WHERE lots.home = excluded.home AND lots.owner_id = excluded.owner_id",
            cancellationToken,
            ("id", Id(l.Id)), ("owner", Id(l.Owner)), ("good", l.Good), ("quantity", quantity), ("unit", l.Unit), ("value", l.Value), ("donor", l.Donor),
            ("group", l.Group is { } g ? Id(g) : null), ("state", l.State), ("at", l.CreatedAt), ("version", l.Version), ("home", home));
        return rows == 1 ? null : Refused($"lot {l.Id} is not the sender's");
    }

    private async Task<SyncError?> ApplyWantsAsync(Prepared db, string home, ReplicaFacts.WantsFacts w, CancellationToken cancellationToken)
    {
        if (await db.ScalarAsync("SELECT home FROM lots WHERE id = @id AND owner_id = @owner", cancellationToken, ("id", Id(w.Lot)), ("owner", Id(w.Owner))) as string != home)
            return Refused($"the want list of lot {w.Lot} is not for one of the sender's lots");
        await db.ExecuteAsync("DELETE FROM want_entries WHERE lot_id = @lot", cancellationToken, ("lot", Id(w.Lot)));
        await db.ExecuteAsync("DELETE FROM want_lists WHERE lot_id = @lot", cancellationToken, ("lot", Id(w.Lot)));
        await db.ExecuteAsync("INSERT INTO want_lists (lot_id, owner_id, updated_at, home) VALUES (@lot, @owner, @at, @home)", cancellationToken,
            ("lot", Id(w.Lot)), ("owner", Id(w.Owner)), ("at", Clock.GetUtcNow()), ("home", home));
        int rank = 0;
        foreach (var entry in w.Entries)
        {
            // A want of a lot this node does not hold (a third node's) cannot be cleared here: it is left out.
            if (entry.Lot is { } target && await db.ScalarAsync("SELECT COUNT(*) FROM lots WHERE id = @id", cancellationToken, ("id", Id(target))) is var n
                && Convert.ToInt64(n, CultureInfo.InvariantCulture) == 0)
                continue;
            await db.ExecuteAsync(
                "INSERT INTO want_entries (lot_id, rank, kind, target_lot_id, good_id, category, min_percent) VALUES (@lot, @rank, @kind, @target, @good, @category, @percent)",
                cancellationToken, ("lot", Id(w.Lot)), ("rank", ++rank), ("kind", entry.Kind), ("target", entry.Lot is { } t ? Id(t) : null),
                ("good", entry.Good), ("category", entry.Category), ("percent", (int)entry.MinPercent));
        }
        return null;
    }

    private async Task<SyncError?> ApplyClearedAsync(Prepared db, string home, ReplicaFacts.ClearedFacts cleared, ReplicaAnswers answers, CancellationToken cancellationToken)
    {
        var r = cleared.Round;
        await db.ExecuteAsync(
            $"INSERT INTO rounds ({RoundColumns}, home) VALUES (@id, @keeper, @cycle, @chain, @objective, @limit, 'cleared', @at, @finished, @credit, @home)",
            cancellationToken, ("id", Id(r.Id)), ("keeper", Id(r.Keeper)), ("cycle", (int)r.CycleCap), ("chain", (int)r.ChainCap), ("objective", r.Objective),
            ("limit", r.TimeLimitMs), ("at", r.CreatedAt), ("finished", r.FinishedAt), ("credit", r.Credit), ("home", home));
        var proposed = cleared.Proposed.ToHashSet();
        foreach (var exchange in cleared.Legs.GroupBy(l => l.Exchange).OrderBy(g => g.Key))
        {
            var homes = new Dictionary<Guid, string?>();
            foreach (var leg in exchange)
                homes[leg.Lot] = await db.ScalarAsync("SELECT home FROM lots WHERE id = @id", cancellationToken, ("id", Id(leg.Lot))) as string;
            if (homes.Values.Any(h => h is not null && h != home))
                return Refused($"exchange {exchange.Key} of round {r.Id} hands over a lot of a third node");
            var mine = homes.Where(h => h.Value is null).Select(h => h.Key).ToList();
            if (mine.Count > 0 && !proposed.Contains(exchange.Key))
                return Refused($"exchange {exchange.Key} of round {r.Id} hands over this node's lots without proposing it");

            // This node's answer: accepted when every one of its lots in the exchange is still open and spoken for by no other exchange.
            string legState = "pending";
            string? reason = null;
            if (mine.Count > 0)
            {
                foreach (var lot in mine)
                {
                    bool free = await db.ScalarAsync("SELECT state FROM lots WHERE id = @id", cancellationToken, ("id", Id(lot))) is "open"
                        && Convert.ToInt64(await db.ScalarAsync("SELECT COUNT(*) FROM legs WHERE lot_id = @id AND state = 'pending'", cancellationToken, ("id", Id(lot))), CultureInfo.InvariantCulture) == 0;
                    if (!free)
                    {
                        reason = $"lot {lot} is no longer open";
                        break;
                    }
                }
                legState = reason is null ? "pending" : "released";
            }
            else
            {
                // A lot of the peer that this node's own proposal holds: the peer's round took it first, so this node's proposal is off.
                foreach (var leg in exchange)
                    foreach (var (round, index) in await db.QueryAsync(
                        "SELECT g.round_id, g.exchange_index FROM legs g JOIN cross_loops x ON x.round_id = g.round_id AND x.exchange_index = g.exchange_index "
                        + "WHERE g.lot_id = @lot AND g.state = 'pending' AND x.state = 'proposed' AND g.home IS NULL",
                        rd => (new RoundId(rd.GetGuid(0)), rd.GetInt32(1)), cancellationToken, ("lot", Id(leg.Lot))))
                    {
                        await CallOffAsync(db, round, index, $"lot {leg.Lot} was traded on the other bank", announce: true, cancellationToken);
                        answers.CalledOff++;
                    }
            }
            foreach (var leg in exchange)
                await db.ExecuteAsync($"INSERT INTO legs ({LegColumns}, home) VALUES (@id, @round, @exchange, @position, @giver, @lot, @receiver, @state, @home)",
                    cancellationToken, ("id", Id(leg.Id)), ("round", Id(r.Id)), ("exchange", (int)leg.Exchange), ("position", (int)leg.Position),
                    ("giver", Id(leg.Giver)), ("lot", Id(leg.Lot)), ("receiver", Id(leg.Receiver)), ("state", legState), ("home", home));
            // The sender matched its own lots when it stored the round.
            foreach (var lot in homes.Where(h => h.Value == home).Select(h => h.Key))
                await db.ExecuteAsync("UPDATE lots SET state = 'matched' WHERE id = @id AND home = @home AND state = 'open'", cancellationToken, ("id", Id(lot)), ("home", home));
            if (proposed.Contains(exchange.Key))
            {
                bool accepted = mine.Count == 0 || reason is null;
                await db.ExecuteAsync("INSERT INTO cross_loops (round_id, exchange_index, state, reason) VALUES (@round, @exchange, @state, @reason)",
                    cancellationToken, ("round", Id(r.Id)), ("exchange", (int)exchange.Key), ("state", mine.Count == 0 ? "proposed" : accepted ? "accepted" : "called_off"), ("reason", reason));
                if (mine.Count > 0)
                {
                    if (accepted)
                    {
                        foreach (var lot in mine)
                            await db.ExecuteAsync("UPDATE lots SET state = 'matched', version = version + 1 WHERE id = @id AND home IS NULL AND state = 'open'", cancellationToken, ("id", Id(lot)));
                        answers.Accepted++;
                    }
                    else answers.CalledOff++;
                    var roundId = new RoundId(r.Id);
                    await AppendEventAsync(db.Connection, db.Transaction, null, accepted ? "loop.accepted" : "loop.called_off", roundId.ToString(),
                        new { round = roundId.ToString(), exchange = exchange.Key, accepted, reason = reason ?? "" },
                        EventPayloads.LoopAnswer(roundId, (int)exchange.Key, accepted, reason ?? ""), cancellationToken);
                }
            }
        }
        return null;
    }

    private async Task ApplyAnswerAsync(Prepared db, string home, ReplicaFacts.AnswerFacts a, ReplicaAnswers answers, CancellationToken cancellationToken)
    {
        var round = new RoundId(a.Round);
        if (a.Accepted)
        {
            int rows = await db.ExecuteAsync("UPDATE cross_loops SET state = 'accepted' WHERE round_id = @round AND exchange_index = @exchange AND state = 'proposed'",
                cancellationToken, ("round", Id(a.Round)), ("exchange", (int)a.Exchange));
            if (rows == 0) return;
            // The answering node matched its own lots of the exchange when it accepted.
            await db.ExecuteAsync(
                "UPDATE lots SET state = 'matched' WHERE home = @home AND state = 'open' AND id IN (SELECT lot_id FROM legs WHERE round_id = @round AND exchange_index = @exchange)",
                cancellationToken, ("home", home), ("round", Id(a.Round)), ("exchange", (int)a.Exchange));
            answers.Accepted++;
            return;
        }
        if (await CallOffAsync(db, round, (int)a.Exchange, a.Reason, announce: false, cancellationToken)) answers.CalledOff++;
    }

    /// <summary>
    /// Calls off an exchange: its pending legs released and this node's own lots in it reopened (each
    /// with its event, so the other bank's replica follows); with <paramref name="announce"/>, also
    /// this node's own <c>loop.called_off</c> event. False when it was already off.
    /// </summary>
    private async Task<bool> CallOffAsync(Prepared db, RoundId round, int exchange, string reason, bool announce, CancellationToken cancellationToken)
    {
        int rows = await db.ExecuteAsync("UPDATE cross_loops SET state = 'called_off', reason = @reason WHERE round_id = @round AND exchange_index = @exchange AND state <> 'called_off'",
            cancellationToken, ("round", Id(round.Value)), ("exchange", exchange), ("reason", reason));
        if (rows == 0) return false;
        var legs = await db.QueryAsync($"SELECT {LegColumns} FROM legs WHERE round_id = @round AND exchange_index = @exchange AND state = 'pending'", ReadLeg,
            cancellationToken, ("round", Id(round.Value)), ("exchange", exchange));
        await db.ExecuteAsync("UPDATE legs SET state = 'released' WHERE round_id = @round AND exchange_index = @exchange AND state = 'pending'",
            cancellationToken, ("round", Id(round.Value)), ("exchange", exchange));
        foreach (var leg in legs)
        {
            var lot = (await db.QueryAsync($"SELECT {LotColumns} FROM lots WHERE id = @id AND home IS NULL AND state = 'matched'", ReadLot, cancellationToken, ("id", Id(leg.Lot.Value)))).SingleOrDefault();
            if (lot is null) continue;
            var written = await WriteLotAsync(db.Connection, db.Transaction, lot.Reopen().Value, "lot.updated", null, cancellationToken);
            if (!written.IsOk) throw new InvalidOperationException($"lot {lot.Id} could not be reopened: {written.Error.Message}");
        }
        if (announce)
            await AppendEventAsync(db.Connection, db.Transaction, null, "loop.called_off", round.ToString(), new { round = round.ToString(), exchange, accepted = false, reason },
                EventPayloads.LoopAnswer(round, exchange, false, reason), cancellationToken);
        return true;
    }
}
