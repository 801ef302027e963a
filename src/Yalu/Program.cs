using System.Globalization;
using Yalu.Cli;

// Reports and JSON are read by programs as well as people: numbers and dates never follow the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

return YaluCommand.Run(args, Console.In, Console.OpenStandardInput, Console.OpenStandardOutput(), Console.Error);
