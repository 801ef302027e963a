using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Yalu.Engine.Setoff;
using Yalu.Formats;
using Yalu.Formats.Setoff;
using Yalu.Market.Setoff;
using Yalu.Sync;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu setoff FILE</c>: multilateral set-off of an obligation list (<see cref="ObligationListReader"/>),
/// exact by default (<see cref="SetoffSolver"/>), plain max-flow with <c>--max-flow</c>. Prints total
/// debt, net internal debt, cleared and remaining; <c>--out</c> writes every obligation's set-off and
/// remainder, <c>--json</c> the summary as JSON. Exit codes: 0 done, 1 bad input (nothing cleared,
/// nothing written), 2 usage.
/// </summary>
internal static class SetoffCommand
{
    public static Command Create(Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The obligation list: CSV with a header 'debtor,creditor,amount' or 'id,debtor,creditor,amount'; '-' reads standard input." };
        var output = new Option<string?>("--out", "-o") { Description = "Write every obligation with its set-off and remainder (debtor,creditor,amount,setoff,remainder; id first when the input has ids) to this CSV file." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON instead of text." };
        var maxFlow = new Option<bool>("--max-flow") { Description = "Use a plain max-flow (the default of Informal Systems' mtcs crate) instead of the exact min-cost flow, for comparison: it keeps every position but usually clears less." };
        var timings = new Option<bool>("--timings") { Description = "Print the time of each phase (read, solve, write) on standard error." };
        var command = new Command("setoff", "Multilateral set-off of an obligation list: clear the most debt around cycles while every party's net position stays the same.")
        {
            file, output, json, maxFlow, timings,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(json), parse.GetValue(maxFlow) ? SetoffMethod.PlainMaxFlow : SetoffMethod.MinCostFlow,
            parse.GetValue(timings), openStdin, stdout, stderr));
        return command;
    }

    internal static int Execute(string path, string? outPath, bool json, SetoffMethod method, bool timings, Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        // The native solver loads on the other core while this one reads the file.
        var warm = Task.Run(SetoffSolver.Warm);
        ParseResult<ObligationList> parsed;
        try
        {
            if (path == "-")
            {
                using var input = openStdin();
                using var copy = new MemoryStream();
                input.CopyTo(copy);
                parsed = ObligationListReader.Read(copy.GetBuffer().AsSpan(0, (int)copy.Length), "-");
            }
            else
            {
                parsed = ObligationListReader.ReadFile(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"yalu: cannot read {path}: {e.Message}");
            return YaluCommand.InputError;
        }
        if (parsed.Value is not { } list)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"yalu: error: {error}");
            stderr.WriteLine($"yalu: {path}: {parsed.Errors.Count} error(s); nothing was cleared");
            return YaluCommand.InputError;
        }
        var readTime = clock.Elapsed;
        var readCpu = timings ? Environment.CpuUsage.TotalTime : default;

        SetoffResult result;
        try
        {
            warm.Wait();
            result = SetoffSolver.Solve(list.Network, method);
        }
        catch (InvalidOperationException e)
        {
            stderr.WriteLine($"yalu: {path}: cannot set off: {e.Message}");
            return YaluCommand.InputError;
        }
        var solveTime = clock.Elapsed - readTime;
        var solveCpu = timings ? Environment.CpuUsage.TotalTime : default;

        if (outPath is not null)
        {
            try
            {
                using var csv = new MemoryStream();
                SetoffCsv.Write(csv, list, result);
                // Temporary file, fsync, rename, fsync of the folder: a crash leaves the old file or the whole new one.
                DurableFile.WriteAllBytes(outPath, csv.GetBuffer().AsSpan(0, (int)csv.Length));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"yalu: cannot write {outPath}: {e.Message}");
                return YaluCommand.InputError;
            }
        }
        if (json)
        {
            SetoffJson.Write(stdout, path, result, clock.Elapsed.TotalSeconds);
            stdout.Write("\n"u8);
        }
        else
        {
            stdout.Write(Encoding.UTF8.GetBytes(Summary(result, outPath)));
        }
        stdout.Flush();
        if (timings)
        {
            var total = clock.Elapsed;
            var cpu = Environment.CpuUsage.TotalTime;
            stderr.WriteLine($"yalu: read {readTime.TotalMilliseconds:0} ms, solve {solveTime.TotalMilliseconds:0} ms, write {(total - readTime - solveTime).TotalMilliseconds:0} ms, total {total.TotalMilliseconds:0} ms (process start not included)");
            // CPU time of the whole process (both cores, start included) at the end of each phase: on a busy machine the truer profile.
            stderr.WriteLine($"yalu: process CPU {readCpu.TotalMilliseconds:0} ms after reading (start, and solver loading on the other core, included), {solveCpu.TotalMilliseconds:0} ms after solving, {cpu.TotalMilliseconds:0} ms at the end");
        }
        return YaluCommand.Ok;
    }

    /// <summary>The text summary: one "name  value" line each, amounts in the file's unit.</summary>
    internal static string Summary(SetoffResult result, string? outPath)
    {
        var network = result.Network;
        double share = result.TotalDebt == 0 ? 0 : 100.0 * result.Cleared / result.TotalDebt;
        var text = new StringBuilder();
        void Line(string name, string value) => text.Append(CultureInfo.InvariantCulture, $"{name,-18}{value}\n");
        Line("method", result.Method == SetoffMethod.MinCostFlow ? "min-cost-flow (exact)" : "plain-max-flow (for comparison)");
        Line("parties", network.PartyCount.ToString(CultureInfo.InvariantCulture));
        Line("obligations", network.Count.ToString(CultureInfo.InvariantCulture));
        Line("total debt", result.TotalDebt.ToString(CultureInfo.InvariantCulture));
        Line("net internal debt", result.NetInternalDebt.ToString(CultureInfo.InvariantCulture));
        Line("cleared", string.Create(CultureInfo.InvariantCulture, $"{result.Cleared} ({share:0.00}% of total debt)"));
        Line("remaining", result.Remaining.ToString(CultureInfo.InvariantCulture));
        if (outPath is not null) Line("written", outPath);
        return text.ToString();
    }
}
