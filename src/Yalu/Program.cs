using Yalu.Cli;

return YaluCommand.Run(args, Console.In, Console.OpenStandardInput, Console.OpenStandardOutput(), Console.Error);
