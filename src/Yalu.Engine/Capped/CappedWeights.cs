namespace Yalu.Engine.Capped;

/// <summary>What a capped clearing maximises.</summary>
public enum CappedWeights
{
    /// <summary>The want weights of the graph (<c>WantGraph.WeightsOf</c>): 1 per transfer unless the input gives weights.</summary>
    Given,

    /// <summary>The number of items received, whatever the graph's weights.</summary>
    Count,
}
