using Yalu.Formats.KidneySolver;

namespace Yalu.Fuzz;

/// <summary>
/// kidney_solver instances are two files; the fuzzer has one input. The bytes before the first NUL
/// are the <c>.input</c> (pairs), the bytes after it the <c>.ndds</c> (donors); without a NUL there
/// is no donor file. NUL never occurs in either text format, so the split loses nothing.
/// </summary>
internal static class KidneyInput
{
    public static void Run(byte[] bytes)
    {
        int nul = Array.IndexOf(bytes, (byte)0);
        var result = nul < 0
            ? KidneySolverReader.Read(bytes, "fuzz.input", [], null)
            : KidneySolverReader.Read(bytes.AsSpan(0, nul), "fuzz.input", bytes.AsSpan(nul + 1), "fuzz.ndds");
        ResultChecks.Check(result, g => g);
    }

    /// <summary>A pair file, and its donor file when one lies beside it, packed as <see cref="Run"/> reads them.</summary>
    public static byte[] Seed(string inputPath)
    {
        byte[] input = Seeds.Head(File.ReadAllBytes(inputPath));
        string? ndds = KidneySolverReader.DonorFileBeside(inputPath);
        return ndds is null ? input : [.. input, 0, .. Seeds.Head(File.ReadAllBytes(ndds))];
    }
}
