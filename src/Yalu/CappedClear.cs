namespace Yalu.Cli;

/// <summary>
/// <c>yalu clear</c> with capped loops and chains (PrefLib .wmd, kidney_solver .input/.ndds, or a
/// TradeMaximizer file with <c>--max-cycle</c>).
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
        _ = openStdin;
        _ = stdout;
        stderr.WriteLine($"yalu: capped clearing of {request.File} is being built (issue: market days)");
        return YaluCommand.UsageError;
    }
}
