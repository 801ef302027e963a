using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Yalu.Engine;
using Yalu.Formats;
using Yalu.Formats.TradeMaximizer;

namespace Yalu.Cli;

/// <summary><c>yalu clear FILE</c>: reads a want-list file, clears it exactly and writes a report.</summary>
internal static class ClearFileCommand
{
    public static Command Create(Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The want-list file (TradeMaximizer format); '-' reads standard input." };
        var json = new Option<bool>("--json") { Description = "Write Yalu's JSON instead of the TradeMaximizer-style text report." };
        var iterations = new Option<int?>("--iterations") { Description = "Override the file's ITERATIONS= (solves that break ties differently; the smallest sum of squares is kept)." };
        var seed = new Option<long?>("--seed") { Description = "Override the file's SEED= (tie-breaking of iterations; default 1)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or warnings on standard error." };
        var timings = new Option<bool>("--timings") { Description = "Print the time of each phase (read, solve, write) on standard error." };
        var maxCycle = new Option<int?>("--max-cycle") { Description = "Capped clearing: loops of at most K items (kidney-exchange style; default 3 for .wmd and .input files, uncapped for want lists)." };
        var maxChain = new Option<int?>("--max-chain") { Description = "Capped clearing: chains from donor items of at most L legs, the donor's gift included (default 0)." };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Work budget S. Math trades: S/2 for users trading and S/2 for a search for smaller loops, in CP-SAT's deterministic seconds so results are reproducible (default: 0.6 for users trading; loops: 1 below 1,000 items, else greedy loop splitting only). Capped clearing: wall-clock seconds before it returns the best solution found, its bound and gap (default: no limit)." };
        var noImprove = new Option<bool>("--no-improve") { Description = "Only the exact solve: the most items trading at the lowest total cost, as TradeMaximizer." };
        var usersFirst = new Option<bool>("--users-first") { Description = "Put the number of users trading ahead of the number of items trading." };
        var formulation = new Option<string?>("--formulation") { Description = "Capped clearing: how to model it — auto (default: chosen per part), picef (one MIP over enumerated loops and position-indexed chain arcs, the textbook model), routes, or column-generation." };
        formulation.AcceptOnlyFromAmong("auto", "picef", "routes", "column-generation");
        var user = new Option<string?>("--user") { Description = "Report for one user: what they send and receive, to and from whom, and why an item did not trade." };
        var command = new Command("clear", "Clear a want-list file: the most items trading, then the lowest total priority cost.")
        {
            file, json, iterations, seed, quiet, timings, maxCycle, maxChain, timeLimit, noImprove, usersFirst, user, formulation,
        };
        command.SetAction(parse => Execute(
            new ClearRequest(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(quiet), parse.GetValue(timings),
                parse.GetValue(maxCycle), parse.GetValue(maxChain), parse.GetValue(timeLimit),
                parse.GetValue(noImprove), parse.GetValue(usersFirst), parse.GetValue(user), parse.GetValue(formulation)),
            openStdin, stdout, stderr));
        return command;
    }

    internal static int Execute(ClearRequest request, Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        if (CappedClear.Handles(request)) return CappedClear.Execute(request, openStdin, stdout, stderr);
        if (request.Formulation is not null)
        {
            stderr.WriteLine("yalu: --formulation applies to capped clearing (--max-cycle, or a .wmd or .input file)");
            return YaluCommand.UsageError;
        }
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
        if (request.TimeLimit is <= 0)
        {
            progress.Stop();
            stderr.WriteLine("yalu: --time-limit must be positive");
            return YaluCommand.UsageError;
        }
        var (ordering, favorUser) = Ordering(request, document.Options);
        var options = new MathTradeOptions
        {
            Iterations = request.Iterations ?? document.Options.Iterations,
            Seed = request.Seed ?? document.Options.Seed ?? 1,
            Ordering = ordering,
            FavorUser = favorUser,
            ImprovementTimeLimit = request.TimeLimit is double seconds ? TimeSpan.FromSeconds(seconds / 2) : MathTradeOptions.Default.ImprovementTimeLimit,
            LoopSearchTimeLimit = request.TimeLimit is double loopSeconds ? TimeSpan.FromSeconds(loopSeconds / 2) : MathTradeOptions.Default.LoopSearchTimeLimit,
        };
        var readTime = clock.Elapsed;
        var solveClock = Stopwatch.StartNew();
        MathTradeOutcome outcome;
        try
        {
            outcome = new MathTradeSolver(options).Clear(document.Graph, progress);
        }
        catch (InvalidOperationException e)
        {
            progress.Stop();
            stderr.WriteLine($"yalu: {request.File}: cannot clear: {e.Message}");
            return YaluCommand.InputError;
        }
        var result = outcome.Result;
        solveClock.Stop();
        progress.Stop();

        if (request.User is { } userName)
        {
            int user = UserReport.FindUser(document.Graph, userName);
            if (user < 0)
            {
                stderr.WriteLine($"yalu: {request.File}: no user named '{userName}'");
                return YaluCommand.InputError;
            }
            if (request.Json)
            {
                UserReport.WriteJson(stdout, result, outcome.Untraded, user);
                stdout.Write("\n"u8);
            }
            else
            {
                using var userWriter = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                UserReport.Write(userWriter, result, outcome.Untraded, user, document.Options.SortByItem);
            }
        }
        else if (request.Json)
        {
            ClearingJson.Write(stdout, result, clock.Elapsed.TotalSeconds, document.Problems, Proofs(outcome), outcome.Untraded);
            stdout.Write("\n"u8);
        }
        else
        {
            using var writer = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            TradeMaximizerReport.Write(writer, document, result, $"Yalu {Version} (exact solve; TradeMaximizer report format)", solveClock.Elapsed, outcome.Untraded);
        }
        stdout.Flush();
        if (request.Timings)
        {
            var total = clock.Elapsed;
            foreach (var c in outcome.Criteria)
                stderr.WriteLine($"yalu: {c.Criterion}: {c.Value} (bound {c.Bound}{(c.Proved ? ", proved" : "")}) in {c.Elapsed.TotalMilliseconds:0} ms");
            stderr.WriteLine($"yalu: read {readTime.TotalMilliseconds:0} ms, solve {solveClock.Elapsed.TotalMilliseconds:0} ms, write {(total - readTime - solveClock.Elapsed).TotalMilliseconds:0} ms, total {total.TotalMilliseconds:0} ms (process start not included)");
        }
        return YaluCommand.Ok;
    }

    /// <summary>The ordering asked for: flags first, then the file's METRIC= / FAVOR-USER=.</summary>
    private static (MathTradeOrdering Ordering, string? FavorUser) Ordering(ClearRequest request, TradeMaximizerOptions options)
    {
        if (request.NoImprove) return (MathTradeOrdering.Plain, null);
        if (request.UsersFirst) return (MathTradeOrdering.UsersFirst, null);
        if (options.FavorUser is { } favored) return (MathTradeOrdering.FavorUser, favored);
        return options.Metric switch
        {
            "CHAIN-SIZES-SOS" => (MathTradeOrdering.ChainSizesSumOfSquares, null),
            "USERS-SOS" => (MathTradeOrdering.UsersSumOfSquares, null),
            _ => (MathTradeOrdering.UsersTrading, null),
        };
    }

    /// <summary>What the improvement proved, for the JSON.</summary>
    private static Dictionary<string, object?> Proofs(MathTradeOutcome outcome)
    {
        var proofs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (outcome.Of(FairnessCriterion.UsersTrading) is { } users)
        {
            proofs["usersTradingProved"] = users.Proved;
            proofs["usersTradingBound"] = users.Bound;
        }
        if (outcome.Of(FairnessCriterion.SumOfSquares) is { } squares)
        {
            proofs["sumSquaresProved"] = squares.Proved;
            proofs["sumSquaresBound"] = squares.Bound;
        }
        return proofs;
    }

    internal static string Version =>
        typeof(ClearFileCommand).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
