using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Yalu.Clearing.Capped;
using Yalu.Formats;
using Yalu.Formats.KidneySolver;
using Yalu.Formats.PrefLib;
using Yalu.Formats.TradeMaximizer;
using Yalu.Market.Clearing;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu clear</c> with capped loops and chains: PrefLib .wmd, kidney_solver .input (with the
/// .ndds beside it), or a TradeMaximizer want list with <c>--max-cycle</c>.
/// </summary>
internal static class CappedClear
{
    /// <summary>Whether this request is a capped clearing.</summary>
    public static bool Handles(ClearRequest request) =>
        request.MaxCycle is not null || request.MaxChain is not null
        || request.File.EndsWith(".wmd", StringComparison.OrdinalIgnoreCase)
        || request.File.EndsWith(".input", StringComparison.OrdinalIgnoreCase);

    public static int Execute(ClearRequest request, Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        if (request.MaxCycle is < 2 || request.MaxChain is < 0 || request.TimeLimit is <= 0)
        {
            stderr.WriteLine("yalu: --max-cycle must be at least 2, --max-chain at least 0, --time-limit positive");
            return YaluCommand.UsageError;
        }
        (WantGraph? Value, IReadOnlyList<FormatDiagnostic> Errors, IReadOnlyList<FormatDiagnostic> Warnings) parsed;
        try
        {
            parsed = Read(request, openStdin);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"yalu: cannot read {request.File}: {e.Message}");
            return YaluCommand.InputError;
        }
        if (!request.Quiet)
        {
            foreach (var warning in parsed.Warnings) stderr.WriteLine($"yalu: warning: {warning}");
        }
        if (parsed.Value is not { } graph)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"yalu: error: {error}");
            stderr.WriteLine($"yalu: {request.File}: {parsed.Errors.Count} error(s); nothing was cleared");
            return YaluCommand.InputError;
        }
        var readTime = clock.Elapsed;
        var options = new CappedOptions
        {
            MaxCycle = request.MaxCycle ?? 3,
            MaxChain = request.MaxChain ?? 0,
            TimeLimit = request.TimeLimit is double s ? TimeSpan.FromSeconds(s) : null,
            Seed = request.Seed ?? 1,
        };
        CappedResult result;
        using (var progress = new ProgressDisplay(stderr, enabled: !request.Quiet, TimeProvider.System))
        {
            try
            {
                result = new CappedSolver(options).Solve(graph, progress);
            }
            catch (ArgumentException e)
            {
                progress.Stop();
                stderr.WriteLine($"yalu: {request.File}: cannot clear with capped loops: {e.Message}");
                return YaluCommand.InputError;
            }
        }
        var total = clock.Elapsed;
        if (request.Json) WriteJson(stdout, result, total.TotalSeconds);
        else WriteText(stdout, result, options, readTime);
        stdout.Flush();
        return YaluCommand.Ok;
    }

    private static (WantGraph? Value, IReadOnlyList<FormatDiagnostic> Errors, IReadOnlyList<FormatDiagnostic> Warnings) Read(ClearRequest request, Func<Stream> openStdin)
    {
        string file = request.File;
        if (file.EndsWith(".wmd", StringComparison.OrdinalIgnoreCase)) return Unpack(PrefLibReader.ReadFile(file));
        if (file.EndsWith(".input", StringComparison.OrdinalIgnoreCase)) return Unpack(KidneySolverReader.ReadFiles(file, KidneySolverReader.DonorFileBeside(file)));
        ParseResult<WantListDocument> document;
        if (file == "-")
        {
            using var input = openStdin();
            document = TradeMaximizerReader.Read(input, "-");
        }
        else
        {
            document = TradeMaximizerReader.ReadFile(file);
        }
        return (document.Value?.Graph, document.Errors, document.Warnings);
    }

    private static (WantGraph? Value, IReadOnlyList<FormatDiagnostic> Errors, IReadOnlyList<FormatDiagnostic> Warnings) Unpack(ParseResult<WantGraph> result) =>
        (result.Value, result.Errors, result.Warnings);

    private static void WriteText(Stream stdout, CappedResult result, CappedOptions options, TimeSpan readTime)
    {
        var graph = result.Clearing.Graph;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Yalu {ClearCommand.Version} (capped clearing: loops of at most {options.MaxCycle} items, chains of at most {options.MaxChain} legs)\n\n");
        text.Append(CultureInfo.InvariantCulture, $"LOOPS ({result.Clearing.Loops.Count}):\n");
        foreach (var loop in result.Clearing.Loops) text.Append("  ").AppendJoin(" <- ", loop.Items.Select(graph.ItemLabel)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"\nCHAINS ({result.Clearing.Chains.Count}):\n");
        foreach (var chain in result.Clearing.Chains) text.Append("  ").AppendJoin(" <- ", chain.Items.Select(graph.ItemLabel)).Append('\n');
        var stats = result.Clearing.Stats();
        text.Append(CultureInfo.InvariantCulture, $"\nStatus      = {(result.Status == ClearingStatus.Optimal ? "optimal" : "feasible")}\n");
        text.Append(CultureInfo.InvariantCulture, $"Objective   = {result.Objective:0.######}\n");
        text.Append(CultureInfo.InvariantCulture, $"Bound       = {result.Bound:0.######}\n");
        text.Append(CultureInfo.InvariantCulture, $"Gap         = {result.Gap:0.######}\n");
        text.Append(CultureInfo.InvariantCulture, $"Items moved = {stats.Trading} of {stats.Items}\n");
        text.Append(CultureInfo.InvariantCulture, $"Phases      = read {readTime.TotalMilliseconds:0} ms");
        foreach (var phase in result.Phases) text.Append(CultureInfo.InvariantCulture, $", {phase.Name} {phase.Elapsed.TotalMilliseconds:0} ms");
        text.Append('\n');
        stdout.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void WriteJson(Stream stdout, CappedResult result, double seconds)
    {
        var graph = result.Clearing.Graph;
        var stats = result.Clearing.Stats();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", result.Status == ClearingStatus.Optimal ? "optimal" : "feasible");
            json.WriteStartArray("loops");
            foreach (var loop in result.Clearing.Loops)
            {
                json.WriteStartArray();
                foreach (int item in loop.Items) json.WriteStringValue(graph.ItemLabel(item));
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("chains");
            foreach (var chain in result.Clearing.Chains)
            {
                json.WriteStartArray();
                foreach (int item in chain.Items) json.WriteStringValue(graph.ItemLabel(item));
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumber("objective", result.Objective);
            json.WriteNumber("bound", result.Bound);
            json.WriteNumber("gap", result.Gap);
            json.WriteStartObject("stats");
            json.WriteNumber("items", stats.Items);
            json.WriteNumber("trading", stats.Trading);
            json.WriteNumber("sumSquares", stats.SumSquares);
            json.WriteNumber("seconds", Math.Round(seconds, 3));
            json.WriteStartObject("phases");
            foreach (var phase in result.Phases) json.WriteNumber(phase.Name, Math.Round(phase.Elapsed.TotalSeconds, 3));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        stdout.Write("\n"u8);
    }
}
