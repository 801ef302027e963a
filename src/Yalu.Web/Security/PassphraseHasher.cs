using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Yalu.Web.Security;

/// <summary>
/// Hashes pass phrases with Argon2id (libsodium through NSec) into a self-describing string
/// <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c> (base64, no padding), and verifies them in
/// constant time. The default cost is OWASP's minimum for Argon2id (19 MiB, 2 passes), which a small
/// board computes in well under a second; stored hashes keep their own parameters, so the cost can
/// rise later without breaking old credentials. Pass phrases are NFC-normalised first, so the same
/// Korean or Chinese phrase typed on two phones hashes alike (the host must not run in invariant
/// globalization mode). Thread-safe.
/// </summary>
public sealed class PassphraseHasher
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Memory cost in KiB. Default 19,456 (19 MiB).</summary>
    public int MemoryKiB { get; init; } = 19 * 1024;

    /// <summary>Number of passes. Default 2.</summary>
    public int Passes { get; init; } = 2;

    /// <summary>Hashes <paramref name="passphrase"/> with a fresh random salt.</summary>
    public string Hash(string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(passphrase, salt, MemoryKiB, Passes);
        return $"$argon2id$v=19$m={MemoryKiB},t={Passes},p=1${Encode(salt)}${Encode(hash)}";
    }

    /// <summary>Whether <paramref name="passphrase"/> matches <paramref name="stored"/>; false for a malformed hash.</summary>
    public static bool Verify(string passphrase, string stored)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (!TryParse(stored, out int memory, out int passes, out var salt, out var expected)) return false;
        var actual = Derive(passphrase, salt, memory, passes);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string passphrase, byte[] salt, int memoryKiB, int passes)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = memoryKiB,
            NumberOfPasses = passes,
        });
        return algorithm.DeriveBytes(Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC)), salt, HashBytes);
    }

    private static bool TryParse(string? stored, out int memory, out int passes, out byte[] salt, out byte[] hash)
    {
        memory = passes = 0;
        salt = hash = [];
        var parts = (stored ?? "").Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] != "argon2id" || parts[2] != "v=19") return false;
        var costs = parts[3].Split(',');
        if (costs.Length != 3 || costs[2] != "p=1"
            || !costs[0].StartsWith("m=", StringComparison.Ordinal) || !int.TryParse(costs[0].AsSpan(2), System.Globalization.CultureInfo.InvariantCulture, out memory)
            || !costs[1].StartsWith("t=", StringComparison.Ordinal) || !int.TryParse(costs[1].AsSpan(2), System.Globalization.CultureInfo.InvariantCulture, out passes))
            return false;
        if (memory < 8 || memory > 1024 * 1024 || passes < 1 || passes > 16) return false;
        try
        {
            salt = Decode(parts[4]);
            hash = Decode(parts[5]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length == SaltBytes && hash.Length == HashBytes;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Decode(string text) => Convert.FromBase64String(text.PadRight((text.Length + 3) / 4 * 4, '='));
}
