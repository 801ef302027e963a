using System.Diagnostics;
using System.Globalization;
using System.Text;
using Yalu.Engine.Capped;
using Yalu.Formats;
using Yalu.Formats.KidneySolver;
using Yalu.Formats.PrefLib;
using Yalu.Formats.TradeMaximizer;
using Yalu.Market.Graphs;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu clear</c> with capped loops and chains: PrefLib <c>.wmd</c>, kidney_solver <c>.input</c>
/// (with <c>.ndds</c> beside it), or a TradeMaximizer want list with <c>--max-cycle</c>. Prints the
/// loops and chains, the objective, its bound and gap, and the time of each phase; <c>--json</c>
/// writes <see cref="CappedClearingJson"/>.
/// </summary>
internal static class CappedClear
{
    /// <summary>The loop cap when a kidney-exchange file is cleared without <c>--max-cycle</c>.</summary>
    public const int DefaultMaxCycle = 3;

    /// <summary>Whether this request is a capped clearing.</summary>
    public static bool Handles(ClearRequest request) =>
        request.MaxCycle is not null || request.MaxChain is not null || IsPrefLib(request.File) || IsKidneySolver(request.File);

    private static bool IsPrefLib(string file) => file.EndsWith(".wmd", StringComparison.OrdinalIgnoreCase);

    private static bool IsKidneySolver(string file) => file.EndsWith(".input", StringComparison.OrdinalIgnoreCase);

    public static int Execute(ClearRequest request, Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var usage = UsageErrors(request);
        if (usage.Count > 0)
        {
            foreach (string error in usage) stderr.WriteLine($"yalu: {error}");
            return YaluCommand.UsageError;
        }
        using var progress = new ProgressDisplay(stderr, enabled: !request.Quiet, TimeProvider.System);
        progress.Phase("reading");
        var graph = Read(request, openStdin, stderr, out string? donorFile);
        if (graph is null)
        {
            progress.Stop();
            return YaluCommand.InputError;
        }
        var readTime = clock.Elapsed;

        var options = new CappedOptions
        {
            MaxCycle = request.MaxCycle ?? DefaultMaxCycle,
            MaxChain = request.MaxChain ?? 0,
            TimeLimit = request.TimeLimit is double seconds ? TimeSpan.FromSeconds(seconds) : null,
            Seed = request.Seed ?? 1,
            Formulation = request.Formulation switch
            {
                "picef" => CappedFormulation.Picef,
                "routes" => CappedFormulation.Routes,
                "column-generation" => CappedFormulation.ColumnGeneration,
                _ => CappedFormulation.Auto,
            },
        };
        CappedResult result;
        try
        {
            result = new CappedSolver(options).Solve(graph, progress);
        }
        catch (InvalidOperationException e)
        {
            progress.Stop();
            stderr.WriteLine($"yalu: {request.File}: cannot clear: {e.Message}");
            return YaluCommand.InputError;
        }
        progress.Stop();
        var solveEnd = clock.Elapsed;

        if (request.Json)
        {
            CappedClearingJson.Write(stdout, result.Clearing, Figures(result, options, readTime, clock.Elapsed));
            stdout.Write("\n"u8);
        }
        else
        {
            using var writer = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            WriteText(writer, request.File, donorFile, result, options, readTime, solveEnd - readTime);
        }
        stdout.Flush();
        if (request.Timings)
        {
            var phases = string.Join(", ", result.Phases.Select(p => $"{p.Name} {p.Elapsed.TotalMilliseconds:0} ms"));
            stderr.WriteLine($"yalu: read {readTime.TotalMilliseconds:0} ms, {phases}, write {(clock.Elapsed - solveEnd).TotalMilliseconds:0} ms, total {clock.Elapsed.TotalMilliseconds:0} ms (process start not included)");
        }
        return YaluCommand.Ok;
    }

    private static List<string> UsageErrors(ClearRequest request)
    {
        var errors = new List<string>();
        if (request.MaxCycle is < 2) errors.Add("--max-cycle must be at least 2 (a loop has two items or more)");
        if (request.MaxChain is < 0) errors.Add("--max-chain must not be negative");
        if (request.TimeLimit is <= 0) errors.Add("--time-limit must be positive");
        if (request.Iterations is not null) errors.Add("--iterations applies to unbounded math trades, not to capped clearing");
        return errors;
    }

    /// <summary>Reads the file in the format its name says; null (with every error on standard error) when it cannot.</summary>
    private static WantGraph? Read(ClearRequest request, Func<Stream> openStdin, TextWriter stderr, out string? donorFile)
    {
        donorFile = null;
        ParseResult<WantGraph> parsed;
        try
        {
            if (IsPrefLib(request.File))
            {
                parsed = PrefLibReader.ReadFile(request.File);
            }
            else if (IsKidneySolver(request.File))
            {
                donorFile = KidneySolverReader.DonorFileBeside(request.File);
                parsed = KidneySolverReader.ReadFiles(request.File, donorFile);
            }
            else
            {
                var wants = request.File == "-" ? ReadStdin(openStdin) : TradeMaximizerReader.ReadFile(request.File);
                if (!request.Quiet)
                {
                    foreach (var warning in wants.Warnings) stderr.WriteLine($"yalu: warning: {warning}");
                }
                if (wants.Value is { } document) return WithoutDummies(document, request.File, stderr);
                Report(wants.Errors, request.File, stderr);
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"yalu: cannot read {request.File}: {e.Message}");
            return null;
        }
        if (!request.Quiet)
        {
            foreach (var warning in parsed.Warnings) stderr.WriteLine($"yalu: warning: {warning}");
        }
        if (parsed.Value is null) Report(parsed.Errors, request.File, stderr);
        return parsed.Value;
    }

    private static ParseResult<WantListDocument> ReadStdin(Func<Stream> openStdin)
    {
        using var input = openStdin();
        return TradeMaximizerReader.Read(input, "-");
    }

    private static void Report(IReadOnlyList<FormatDiagnostic> errors, string file, TextWriter stderr)
    {
        foreach (var error in errors) stderr.WriteLine($"yalu: error: {error}");
        stderr.WriteLine($"yalu: {file}: {errors.Count} error(s); nothing was cleared");
    }

    /// <summary>
    /// The want list's graph, or null with an error when it has dummy items: a loop's size counts
    /// real items, and a dummy is an item no loop may count, so capped clearing refuses them rather
    /// than guess (docs/capped-clearing.md).
    /// </summary>
    private static WantGraph? WithoutDummies(WantListDocument document, string file, TextWriter stderr)
    {
        var graph = document.Graph;
        for (int i = 0; i < graph.ItemCount; i++)
        {
            if (!graph.IsDummy(i)) continue;
            stderr.WriteLine($"yalu: error: {file}: dummy item '{graph.ItemLabel(i)}' — capped clearing (--max-cycle, --max-chain) does not take dummy items; clear without the caps, or list the alternatives without a dummy");
            stderr.WriteLine($"yalu: {file}: 1 error(s); nothing was cleared");
            return null;
        }
        return graph;
    }

    private static CappedClearingJson.Figures Figures(CappedResult result, CappedOptions options, TimeSpan readTime, TimeSpan total)
    {
        var s = result.Statistics;
        var phases = new List<KeyValuePair<string, object?>> { new("read", Seconds(readTime)) };
        phases.AddRange(result.Phases.Select(p => new KeyValuePair<string, object?>(p.Name, Seconds(p.Elapsed))));
        var stats = new List<KeyValuePair<string, object?>>
        {
            new("maxCycle", options.MaxCycle),
            new("maxChain", options.MaxChain),
            new("pairs", s.Pairs),
            new("donors", s.Donors),
            new("arcs", s.Arcs),
            new("arcsKept", s.ArcsKept),
            new("parts", s.Parts),
            new("cycles", s.Cycles),
            new("chainVariables", s.ChainVariables),
            new("columns", s.Columns),
            new("pricingRounds", s.PricingRounds),
            new("formulation", s.Formulation),
            new("seconds", Seconds(total)),
            new("phases", phases),
        };
        return new CappedClearingJson.Figures(result.Objective, result.Bound, Math.Round(result.Gap, 9), stats);
    }

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);

    private static void WriteText(
        TextWriter writer, string file, string? donorFile, CappedResult result, CappedOptions options, TimeSpan readTime, TimeSpan solveTime)
    {
        var clearing = result.Clearing;
        var graph = clearing.Graph;
        var s = result.Statistics;
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine($"Yalu {ClearFileCommand.Version} capped clearing of {file}{(donorFile is null ? "" : $" (donors from {donorFile})")}");
        writer.WriteLine($"Loops of at most {options.MaxCycle} items, chains of at most {options.MaxChain} legs");
        writer.WriteLine(string.Create(inv, $"{s.Pairs} pairs, {s.Donors} donors, {s.Arcs} arcs ({s.ArcsKept} kept), {s.Parts} part(s), {s.Cycles} loops enumerated, formulation {s.Formulation}"));
        writer.WriteLine();
        writer.WriteLine($"LOOPS ({clearing.Loops.Count}; each item's owner receives the next item, the last one's the first)");
        foreach (var loop in clearing.Loops) writer.WriteLine(string.Join(" ", loop.Items.Select(graph.ItemLabel)));
        writer.WriteLine();
        writer.WriteLine($"CHAINS ({clearing.Chains.Count}; each item's owner receives the next item, the last is the donor's)");
        foreach (var chain in clearing.Chains) writer.WriteLine(string.Join(" ", chain.Items.Select(graph.ItemLabel)));
        writer.WriteLine();
        writer.WriteLine(string.Create(inv, $"Objective   = {result.Objective:R}"));
        writer.WriteLine(string.Create(inv, $"Bound       = {result.Bound:R}"));
        writer.WriteLine(string.Create(inv, $"Gap         = {result.Gap:0.######}"));
        writer.WriteLine($"Status      = {(clearing.Status == ClearingStatus.Optimal ? "optimal" : "feasible (time limit reached)")}");
        var phases = result.Phases.Select(p => string.Create(inv, $"{p.Name} {p.Elapsed.TotalMilliseconds:0} ms"));
        writer.WriteLine(string.Create(inv, $"Phases      = read {readTime.TotalMilliseconds:0} ms, {string.Join(", ", phases)} (solve {solveTime.TotalMilliseconds:0} ms)"));
    }
}
