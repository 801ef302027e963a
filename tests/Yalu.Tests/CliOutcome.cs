namespace Yalu.Tests;

/// <summary>What one in-process run of <c>yalu</c> did.</summary>
/// <param name="Code">The exit code.</param>
/// <param name="Stdout">Everything written to standard output, decoded as UTF-8.</param>
/// <param name="Stderr">Everything written to standard error.</param>
/// <param name="StdinOpened">Whether standard input was opened.</param>
internal sealed record CliOutcome(int Code, string Stdout, string Stderr, bool StdinOpened);
