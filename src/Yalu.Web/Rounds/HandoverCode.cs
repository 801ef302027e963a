using System.Security.Cryptography;
using Yalu.Market.Trading;

namespace Yalu.Web.Rounds;

/// <summary>
/// The short code printed on both slips of a leg (the giver's and the receiver's): six characters
/// from an alphabet without look-alikes (no 0/O, 1/I/L), read aloud at the handover so both sides
/// know they hold the same leg. Derived from the leg id, so it needs no storage; it is a check, not a
/// secret (the keeper confirms the leg).
/// </summary>
public static class HandoverCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The code of <paramref name="leg"/>.</summary>
    public static string Of(LegId leg)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(leg.Value.ToByteArray(), hash);
        Span<char> code = stackalloc char[6];
        for (int i = 0; i < code.Length; i++) code[i] = Alphabet[hash[i] % Alphabet.Length];
        return new string(code);
    }
}
