using System.Runtime.CompilerServices;

namespace Yalu.Web.Tests;

/// <summary>
/// Test hosts never reload their configuration files, so they open no inotify instance each: a
/// machine allows 128 per user, and a suite that starts hosts in parallel beside other test runs
/// (the PostgreSQL and SQLite suites at once under CI) ran out ("The configured user limit (128)
/// on the number of inotify instances has been reached").
/// </summary>
internal static class HostFileWatchers
{
    /// <summary>Sets <c>hostBuilder:reloadConfigOnChange</c> to false (read by Host.CreateDefaultBuilder) before any host is built.</summary>
#pragma warning disable CA2255 // A test assembly, not a library: it must run before the first host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void TurnOff() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
