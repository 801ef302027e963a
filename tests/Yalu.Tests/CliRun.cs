using System.Text;
using Yalu.Cli;

namespace Yalu.Tests;

/// <summary>Runs the <c>yalu</c> command line in process and captures what it writes.</summary>
internal static class CliRun
{
    /// <summary>Runs <paramref name="args"/> with <paramref name="stdin"/> (if any) as standard input.</summary>
    public static CliOutcome Run(string[] args, string? stdin = null)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        bool stdinOpened = false;
        Stream OpenStdin()
        {
            stdinOpened = true;
            return new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? ""));
        }
        int code = YaluCommand.Run(args, TextReader.Null, OpenStdin, stdout, stderr);
        return new CliOutcome(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString(), stdinOpened);
    }
}
