using Xunit;

namespace Yalu.Tests;

/// <summary>The <c>yalu</c> root command: usage and help.</summary>
public sealed class YaluCommandTests
{
    [Fact]
    public void No_arguments_is_a_usage_error_that_points_to_help()
    {
        var run = CliRun.Run([]);

        Assert.Equal(2, run.Code);
        Assert.Contains("Run 'yalu --help' for usage.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Help_exits_zero_and_lists_the_clear_command()
    {
        var run = CliRun.Run(["--help"]);

        Assert.Equal(0, run.Code);
        Assert.Contains("clear", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_of_clear_lists_its_options()
    {
        var run = CliRun.Run(["clear", "--help"]);

        Assert.Equal(0, run.Code);
        Assert.Contains("--json", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--iterations", run.Stdout, StringComparison.Ordinal);
    }
}
