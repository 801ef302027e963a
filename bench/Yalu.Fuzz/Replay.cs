namespace Yalu.Fuzz;

/// <summary>Runs saved inputs (afl's crashes and hangs, regression inputs) through a reader once each, without afl.</summary>
internal static class Replay
{
    /// <summary>Prints one line per file, <c>ok</c> or <c>CRASH</c> with the exception; 1 when any crashed.</summary>
    public static int Files(FuzzTarget target, IEnumerable<string> paths, TextWriter output)
    {
        int crashes = 0, count = 0;
        foreach (string path in paths)
        {
            count++;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                target.Run(File.ReadAllBytes(path));
                output.WriteLine($"ok\t{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms\t{path}");
            }
#pragma warning disable CA1031 // Any exception is what we are looking for: it is reported, not handled.
            catch (Exception e)
#pragma warning restore CA1031
            {
                crashes++;
                output.WriteLine($"CRASH\t{path}\n{e}");
            }
        }
        output.WriteLine($"{target.Name}: {count} inputs, {crashes} crash{(crashes == 1 ? "" : "es")}");
        return crashes == 0 ? 0 : 1;
    }
}
