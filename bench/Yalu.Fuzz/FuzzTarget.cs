namespace Yalu.Fuzz;

/// <summary>
/// One reader of outside input under the fuzzer: its name on the command line, the file endings its
/// seed corpus is gathered from, and the run over one input, which throws only when the reader broke.
/// </summary>
/// <param name="Name">The reader's name for <c>bench/fuzz.sh READER MINUTES</c>.</param>
/// <param name="SeedEndings">File endings (".txt") of the example and data files that seed its corpus.</param>
/// <param name="Run">Reads one input. A clean error result returns; a crash or a broken invariant throws.</param>
/// <param name="LoadSeed">
/// Turns a seed file into one fuzz input; by default its bytes. Readers of several files (kidney_solver's
/// .input with its .ndds) pack them into one input here, as <see cref="Run"/> unpacks them.
/// </param>
internal sealed record FuzzTarget(string Name, string[] SeedEndings, Action<byte[]> Run, Func<string, byte[]>? LoadSeed = null)
{
    /// <summary>The fuzz input a seed file becomes.</summary>
    public byte[] Seed(string path) => LoadSeed is null ? Seeds.Head(File.ReadAllBytes(path)) : LoadSeed(path);
}
