using System.CommandLine;

namespace Yalu.Cli;

/// <summary>
/// The <c>yalu</c> command line: a table of its sub-commands. Exit codes: 0 success, 1 bad input
/// (the file could not be read or has errors), 2 usage error.
/// </summary>
internal static class YaluCommand
{
    public const int Ok = 0;
    public const int InputError = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextReader stdin, Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        _ = stdin;
        var root = new RootCommand("Yalu: an offline-first barter clearing house. `yalu clear FILE` clears a want-list file.");
        root.Subcommands.Add(ClearFileCommand.Create(openStdin, stdout, stderr));
        root.Subcommands.Add(SetoffCommand.Create(openStdin, stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(Console.Out, stderr));
        var text = new StreamWriter(stdout) { AutoFlush = true };
        root.Subcommands.Add(BulletinCommand.Create(openStdin, text, stderr));
        root.Subcommands.Add(NodeCommand.Create(() => new StreamReader(openStdin()), text, stderr));
        root.Subcommands.Add(LogCommand.Create(text, stderr));
        root.Subcommands.Add(ExportCommand.Create(text, stderr));
        root.Subcommands.Add(ImportCommand.Create(text, stderr));
        root.Subcommands.Add(RoundCommand.Create(text, stderr));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"yalu: {error.Message}");
            stderr.WriteLine("Run 'yalu --help' for usage.");
            return UsageError;
        }
        var config = new InvocationConfiguration { Output = new StreamWriter(stdout) { AutoFlush = true }, Error = stderr };
        return parse.Invoke(config);
    }
}
