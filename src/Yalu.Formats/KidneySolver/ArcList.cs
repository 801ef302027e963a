namespace Yalu.Formats.KidneySolver;

/// <summary>The arcs of one kidney_solver file, as read: sources, targets and weights, index for index.</summary>
internal sealed class ArcList(int count)
{
    /// <summary>Number of vertices the file declares (pairs in a pair file, donors in a donor file).</summary>
    public int Count { get; } = count;

    public List<int> From { get; } = [];

    public List<int> To { get; } = [];

    public List<double> Weight { get; } = [];
}
