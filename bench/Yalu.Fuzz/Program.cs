using Yalu.Fuzz;

// Yalu.Fuzz READER                       under afl-fuzz: read each input the fuzzer sends (SharpFuzz fork server)
// Yalu.Fuzz READER --replay FILE...      read each file once and say which crash (exit 1 if any does)
// Yalu.Fuzz READER --seeds OUT DIR...    gather the reader's seed corpus from example and data folders into OUT
// Yalu.Fuzz --list                       the readers
// bench/fuzz.sh drives it; see bench/results/fuzz.md.

if (args.Length == 1 && args[0] == "--list")
{
    foreach (var t in FuzzTargets.All) Console.WriteLine($"{t.Name}\t{string.Join(' ', t.SeedEndings)}");
    return 0;
}
var target = args.Length > 0 ? FuzzTargets.Find(args[0]) : null;
if (target is null)
{
    Console.Error.WriteLine($"usage: Yalu.Fuzz READER [--replay FILE... | --seeds OUT DIR...]; readers: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}
if (args.Length == 1)
{
    // Out of process: the reader runs in a child that SharpFuzz restarts, so a stack overflow or an
    // out-of-memory kill is reported as a crash instead of taking the fork server down.
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.ToArray());
    });
    return 0;
}
// Instrumented code writes coverage to memory that SharpFuzz sets up; outside afl-fuzz, Fuzzer.Run
// sets it up and runs the action once, so the replay and the seeds run inside it.
int exitCode = 2;
SharpFuzz.Fuzzer.Run(_ => exitCode = args[1] switch
{
    "--replay" => Replay.Files(target, args[2..], Console.Out),
    "--seeds" when args.Length >= 4 => Seeds.Gather(target, args[2], args[3..], Console.Out),
    _ => 2,
});
return exitCode;
