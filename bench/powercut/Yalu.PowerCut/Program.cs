using Yalu.PowerCut;
using Yalu.Storage;

// Usage:
//   Yalu.PowerCut setup DB                       create the store, the catalog and the traders
//   Yalu.PowerCut day DB ACKS SEED [SYNC]        verify DB against ACKS, print "ready", then run market days
//   Yalu.PowerCut verify DB ACKS [SYNC]          verify only
// SYNC is full (default), normal or off. Output lines (bench/powercut/README.md): "ack …" for every
// committed write, "lost …", "violation …", "corrupt …", "checked …", "ready".
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Yalu.PowerCut setup DB | day DB ACKS SEED [full|normal|off] | verify DB ACKS [full|normal|off]");
    return 2;
}
var output = new Acknowledger(Console.Out);
var clock = TimeProvider.System;
bool ready = false;
try
{
    switch (args[0])
    {
        case "setup":
            await using (var store = await SqliteMarketStore.OpenAsync(args[1], clock, Options(SqliteSynchronous.Full)))
                await MarketDay.SetUpAsync(store, clock);
            output.Line("setup ok");
            return 0;
        case "verify" when args.Length >= 3:
            await using (var store = await SqliteMarketStore.OpenAsync(args[1], clock, Options(Sync(args, 3))))
                return await new Verifier(store, output).RunAsync(Acknowledgement.ReadAll(args[2])) ? 0 : 1;
        case "day" when args.Length >= 4:
            await using (var store = await SqliteMarketStore.OpenAsync(args[1], clock, Options(Sync(args, 4))))
            {
                await new Verifier(store, output).RunAsync(Acknowledgement.ReadAll(args[2]));
                MarketDay.WarmUp(clock);
                output.Line("ready");
                ready = true;
                var seed = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
                await new MarketDay(store, clock, new Random(seed), output).RunForeverAsync();
            }
            return 0;
        default:
            Console.Error.WriteLine($"unknown command or missing arguments: {string.Join(' ', args)}");
            return 2;
    }
}
#pragma warning disable CA1031 // A store that cannot be opened or read after a cut is a finding to report, whatever the exception.
catch (Exception e)
#pragma warning restore CA1031
{
    // Before "ready" the store could not be opened or read: what a cut left is unusable.
    output.Line((ready ? "error " : "corrupt ") + e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" "));
    return ready ? 4 : 3;
}

static SqliteStoreOptions Options(SqliteSynchronous synchronous) => new() { ExclusiveLocking = true, Synchronous = synchronous };

static SqliteSynchronous Sync(string[] args, int index) => args.Length <= index ? SqliteSynchronous.Full : args[index] switch
{
    "full" => SqliteSynchronous.Full,
    "normal" => SqliteSynchronous.Normal,
    "off" => SqliteSynchronous.Off,
    _ => throw new ArgumentException($"synchronous is full, normal or off, not '{args[index]}'"),
};
