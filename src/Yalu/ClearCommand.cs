using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Yalu.Clearing;
using Yalu.Formats;
using Yalu.Formats.TradeMaximizer;

namespace Yalu.Cli;

/// <summary><c>yalu clear FILE</c>: reads a want-list file, clears it exactly and writes a report.</summary>
internal static class ClearCommand
{
    public static Command Create(Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The want-list file (TradeMaximizer format); '-' reads standard input." };
        var json = new Option<bool>("--json") { Description = "Write Yalu's JSON instead of the TradeMaximizer-style text report." };
        var iterations = new Option<int?>("--iterations") { Description = "Override the file's ITERATIONS= (solves that break ties differently; the smallest sum of squares is kept)." };
        var seed = new Option<long?>("--seed") { Description = "Override the file's SEED= (tie-breaking of iterations; default 1)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or warnings on standard error." };
        var timings = new Option<bool>("--timings") { Description = "Print the time of each phase (read, solve, write) on standard error." };
        var maxCycle = new Option<int?>("--max-cycle") { Description = "Capped clearing: loops of at most K items (kidney-exchange style; also used for .wmd and .input files)." };
        var maxChain = new Option<int?>("--max-chain") { Description = "Capped clearing: chains from donor items of at most L legs, the donor's gift included (default 0)." };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Capped clearing: stop after S seconds with the best solution, its bound and gap." };
        var command = new Command("clear", "Clear a want-list file: the most items trading, then the lowest total priority cost.")
        {
            file, json, iterations, seed, quiet, timings, maxCycle, maxChain, timeLimit,
        };
        command.SetAction(parse => Execute(
            new ClearRequest(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(quiet), parse.GetValue(timings),
                parse.GetValue(maxCycle), parse.GetValue(maxChain), parse.GetValue(timeLimit)),
            openStdin, stdout, stderr));
        return command;
    }

    internal static int Execute(ClearRequest request, Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        if (CappedClear.Handles(request)) return CappedClear.Execute(request, openStdin, stdout, stderr);
        var clock = Stopwatch.StartNew();
        using var progress = new ProgressDisplay(stderr, enabled: !request.Quiet, TimeProvider.System);
        progress.Phase("reading");

        ParseResult<WantListDocument> parsed;
        try
        {
            if (request.File == "-")
            {
                using var input = openStdin();
                parsed = TradeMaximizerReader.Read(input, "-");
            }
            else
            {
                parsed = TradeMaximizerReader.ReadFile(request.File);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress.Stop();
            stderr.WriteLine($"yalu: cannot read {request.File}: {e.Message}");
            return YaluCommand.InputError;
        }
        if (!request.Quiet)
        {
            foreach (var warning in parsed.Warnings) stderr.WriteLine($"yalu: warning: {warning}");
        }
        if (parsed.Value is not { } document)
        {
            progress.Stop();
            foreach (var error in parsed.Errors) stderr.WriteLine($"yalu: error: {error}");
            stderr.WriteLine($"yalu: {request.File}: {parsed.Errors.Count} error(s); nothing was cleared");
            return YaluCommand.InputError;
        }

        if (request.Iterations is < 1)
        {
            progress.Stop();
            stderr.WriteLine("yalu: --iterations must be at least 1");
            return YaluCommand.UsageError;
        }
        var options = new MathTradeOptions
        {
            Iterations = request.Iterations ?? document.Options.Iterations,
            Seed = request.Seed ?? document.Options.Seed ?? 1,
        };
        var readTime = clock.Elapsed;
        var solveClock = Stopwatch.StartNew();
        var result = new MathTradeSolver(options).Solve(document.Graph, progress);
        solveClock.Stop();
        progress.Stop();

        if (request.Json)
        {
            ClearingJson.Write(stdout, result, clock.Elapsed.TotalSeconds, document.Problems);
            stdout.Write("\n"u8);
        }
        else
        {
            using var writer = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            TradeMaximizerReport.Write(writer, document, result, $"Yalu {Version} (exact solve; TradeMaximizer report format)", solveClock.Elapsed);
        }
        stdout.Flush();
        if (request.Timings)
        {
            var total = clock.Elapsed;
            stderr.WriteLine($"yalu: read {readTime.TotalMilliseconds:0} ms, solve {solveClock.Elapsed.TotalMilliseconds:0} ms, write {(total - readTime - solveClock.Elapsed).TotalMilliseconds:0} ms, total {total.TotalMilliseconds:0} ms (process start not included)");
        }
        return YaluCommand.Ok;
    }

    internal static string Version =>
        typeof(ClearCommand).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
