using System.Security.Cryptography;

namespace Yalu.Fuzz;

/// <summary>
/// Gathers a reader's seed corpus: every file with one of its endings under the given folders (the
/// repository's examples and seeds, and ../shared/data when present), each cut to its first
/// <see cref="MaxBytes"/> at a line end (afl-fuzz is fastest on small inputs and mutates the head of a
/// file the most), identical seeds once. The data files are read where they lie, never copied into the repository.
/// </summary>
internal static class Seeds
{
    public const int MaxBytes = 16 * 1024;

    public static int Gather(FuzzTarget target, string outDir, IEnumerable<string> roots, TextWriter output)
    {
        Directory.CreateDirectory(outDir);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int written = 0;
        foreach (string root in roots.Where(Directory.Exists))
        {
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => target.SeedEndings.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
                .Order(StringComparer.Ordinal);
            foreach (string file in files)
            {
                byte[] seed = target.Seed(file);
                if (seed.Length == 0 || !seen.Add(Convert.ToHexString(SHA256.HashData(seed)))) continue;
                File.WriteAllBytes(Path.Combine(outDir, $"{written:D3}-{Path.GetFileName(file)}"), seed);
                written++;
            }
        }
        output.WriteLine($"{target.Name}: {written} seeds in {outDir}");
        return written > 0 ? 0 : 1;
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "TestResults");

    /// <summary>The first <see cref="MaxBytes"/> bytes of a file, ending at a line end when it is longer.</summary>
    public static byte[] Head(byte[] bytes)
    {
        if (bytes.Length <= MaxBytes) return bytes;
        int end = Array.LastIndexOf(bytes, (byte)'\n', MaxBytes - 1);
        return bytes[..(end > 0 ? end + 1 : MaxBytes)];
    }
}
