namespace Yalu.Engine;

/// <summary>
/// A tiny seeded generator (Steele, Lea and Flood's SplitMix64). Used instead of
/// <see cref="Random"/> so that a seed gives the same sequence on every runtime and machine.
/// </summary>
internal struct SplitMix64(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong Next()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound).</summary>
    public int NextInt(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>Fisher–Yates shuffle.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
