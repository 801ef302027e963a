namespace Yalu.Formats.TradeMaximizer;

/// <summary>How TradeMaximizer turns a want's rank into its cost.</summary>
public enum PriorityScheme
{
    /// <summary>Every want costs 1 (the default).</summary>
    None,

    /// <summary>Cost = rank (<c>LINEAR-PRIORITIES</c>).</summary>
    Linear,

    /// <summary>Cost = rank·(rank+1)/2 (<c>TRIANGLE-PRIORITIES</c>).</summary>
    Triangle,

    /// <summary>Cost = rank² (<c>SQUARE-PRIORITIES</c>).</summary>
    Square,

    /// <summary>
    /// TradeMaximizer 1.3b's <c>SCALED-PRIORITIES</c>: cost = 1 + (rank−1)·2520/n for a list of n wants,
    /// big steps off. Removed in 1.3c; still written by TradeMaximizerOz.
    /// </summary>
    Scaled,

    /// <summary>Cost = the number given as <c>item=N</c>, later wants counting up from it (<c>EXPLICIT-PRIORITIES</c>).</summary>
    Explicit,
}
