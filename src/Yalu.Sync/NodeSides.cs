namespace Yalu.Sync;

/// <summary>The two banks of the river a node can stand on.</summary>
public static class NodeSides
{
    /// <summary>Hyesan, the Korean bank.</summary>
    public const string Hyesan = "hyesan";

    /// <summary>Changbai, the Chinese bank.</summary>
    public const string Changbai = "changbai";

    /// <summary>Both sides, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Hyesan, Changbai];

    /// <summary>True for "hyesan" and "changbai" (exactly, lowercase).</summary>
    public static bool IsValid(string? side) => side is Hyesan or Changbai;
}
