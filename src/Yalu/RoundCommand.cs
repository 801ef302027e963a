using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web.Application;
using Yalu.Web.Rounds;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu round --db DB</c>: the keeper runs a market round from the command line, through the same
/// use case as the keeper's page (<see cref="RoundService"/>) and the same engine as the node's
/// background worker (<see cref="RoundEngine"/>), and sees every exchange: each handover with both
/// traders' handles and banks and its handover code, and whether a cross-bank exchange still waits
/// for the other bank. Exit codes: 0 cleared, 1 refused or failed, 2 usage.
/// </summary>
internal static class RoundCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = NodeCommand.DbOption();
        var cycle = new Option<int?>("--max-cycle") { Description = $"Largest loop (default {RoundParameters.Default.CycleCap})." };
        var chain = new Option<int?>("--max-chain") { Description = $"Longest chain from a donor lot (default {RoundParameters.Default.ChainCap})." };
        var limit = new Option<int?>("--time-limit") { Description = $"Seconds the engine may search (default {(int)RoundParameters.Default.TimeLimit.TotalSeconds})." };
        var keeper = new Option<string>("--keeper") { Description = "The keeper account that runs it (default keeper).", DefaultValueFactory = _ => "keeper" };
        var command = new Command("round", "Run a market round now over this bank's open lots and the other bank's as last imported; print its exchanges.")
        {
            db, cycle, chain, limit, keeper,
        };
        command.SetAction((parse, ct) => NodeCommand.WithStoreAsync(parse.GetValue(db)!, stderr, async store =>
        {
            var clock = TimeProvider.System;
            var handle = Handle.Create(parse.GetValue(keeper));
            var account = handle.IsOk ? await store.FindTraderAsync(handle.Value, ct) : null;
            if (account is not { Role: Role.Keeper })
            {
                await stderr.WriteLineAsync($"yalu round: there is no keeper account '{parse.GetValue(keeper)}' on this node");
                return YaluCommand.InputError;
            }
            var scheduler = new RoundScheduler(store, store, clock, NullLogger<RoundScheduler>.Instance);
            var engine = new RoundEngine(store, scheduler, clock, NullLogger<RoundEngine>.Instance);
            var started = await new RoundService(store, scheduler, clock).StartAsync(account.Id,
                new RoundRequest(parse.GetValue(cycle), parse.GetValue(chain), null, parse.GetValue(limit)), ct);
            if (!started.IsOk)
            {
                foreach (var message in started.Fields.Select(f => $"{f.Field}: {f.Message}").DefaultIfEmpty(started.Error?.Message ?? "refused"))
                    await stderr.WriteLineAsync($"yalu round: {message}");
                return started.Fields.Count > 0 ? YaluCommand.UsageError : YaluCommand.InputError;
            }
            var id = started.Value.Id;
            try
            {
                await engine.RunAsync(id, ct);
            }
            finally
            {
                scheduler.Release(id);
            }
            var round = await store.GetRoundAsync(id, ct);
            if (round is not { State: RoundState.Cleared })
            {
                await stderr.WriteLineAsync($"yalu round: round {id} {scheduler.Status(id)?.Error ?? "failed"}");
                return YaluCommand.InputError;
            }
            await WriteAsync(store, round, stdout, ct);
            return YaluCommand.Ok;
        }, ct));
        return command;
    }

    private static async Task WriteAsync(SqlMarketStore store, Round round, TextWriter stdout, CancellationToken ct)
    {
        var legs = await store.ListLegsAsync(round.Id, ct);
        var traders = (await store.ListTradersAsync(ct)).ToDictionary(t => t.Id);
        var lots = (await store.ListLotsAsync(null, ct)).ToDictionary(l => l.Id);
        var cross = await store.ListCrossLoopsAsync(round.Id, ct);
        var exchanges = legs.GroupBy(l => l.Exchange).ToList();
        await stdout.WriteLineAsync($"round {round.Id}: cleared, {exchanges.Count} exchanges, {legs.Count} handovers; {cross.Count(c => c.Value == "proposed")} cross-bank exchanges proposed to the other bank");
        foreach (var exchange in exchanges)
        {
            string state = cross.TryGetValue(exchange.Key, out var s) ? $" [cross-bank: {s.Replace('_', ' ')}]" : "";
            await stdout.WriteLineAsync($"exchange {exchange.Key + 1}{state}");
            foreach (var leg in exchange)
            {
                string good = lots.TryGetValue(leg.Lot, out var lot) ? $"{lot.Quantity.Amount:0.###} {lot.Quantity.Unit.Value} {lot.Good.Value}" : leg.Lot.ToString();
                await stdout.WriteLineAsync($"  {Who(traders, leg.Giver)} gives {good} to {Who(traders, leg.Receiver)}  code {HandoverCode.Of(leg.Id)}  leg {leg.Id}  {DbState(leg.State)}");
            }
        }
    }

    private static string DbState(LegState state) => state.ToString().ToLowerInvariant();

    /// <summary>A handle with its bank: kim-hana@hyesan.</summary>
    private static string Who(Dictionary<TraderId, Trader> traders, TraderId id) =>
        traders.TryGetValue(id, out var t) ? $"{t.Handle.Value}@{t.Side.ToString().ToLowerInvariant()}" : id.ToString();
}
