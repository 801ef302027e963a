using System.Globalization;
using Yalu.Cli;

// Reports and JSON are read by programs as well as people: numbers and dates never follow the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

// `clear` and `setoff` run native solvers that may printf to descriptor 1; their reports go through a stream of their own.
var stdout = args.Length > 0 && args[0] is "clear" or "setoff" ? NativeOutput.OpenStandardOutput() : Console.OpenStandardOutput();
return YaluCommand.Run(args, Console.In, Console.OpenStandardInput, stdout, Console.Error);
