namespace Yalu.Formats.Bulletins;

/// <summary>
/// The Damm check digit (H. M. Damm, "Totally anti-symmetric quasigroups for all orders n ≠ 2, 6",
/// Discrete Mathematics 287, 2004): one digit that catches every single-digit error and every swap of
/// two neighbouring digits, with no letter or extra symbol. The quasigroup below is the weakly totally
/// anti-symmetric one of order 10 with a zero diagonal, so a number followed by its check digit
/// checks to 0. Pure and thread-safe.
/// </summary>
public static class Damm
{
    private static readonly byte[,] Table =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
        { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
        { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
        { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
        { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
        { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
        { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    /// <summary>The interim digit after <paramref name="digits"/> (ASCII '0'..'9' only), starting from <paramref name="interim"/>.</summary>
    public static int Fold(ReadOnlySpan<char> digits, int interim = 0)
    {
        if ((uint)interim > 9) throw new ArgumentOutOfRangeException(nameof(interim));
        foreach (char c in digits)
        {
            if (c is < '0' or > '9') throw new ArgumentException($"'{c}' is not a digit", nameof(digits));
            interim = Table[interim, c - '0'];
        }
        return interim;
    }

    /// <summary>The check digit of <paramref name="digits"/>.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits) => (char)('0' + Fold(digits));

    /// <summary>Whether <paramref name="digitsWithCheck"/> (the number followed by its check digit) is intact.</summary>
    public static bool IsValid(ReadOnlySpan<char> digitsWithCheck) => digitsWithCheck.Length > 0 && Fold(digitsWithCheck) == 0;
}
