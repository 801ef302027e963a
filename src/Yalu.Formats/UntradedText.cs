using Yalu.Market.Graphs;

namespace Yalu.Formats;

/// <summary>The words and codes reports use for <see cref="UntradedReason"/>. Stateless.</summary>
public static class UntradedText
{
    /// <summary>A stable machine-readable code, e.g. <c>nobody-wants-it</c>.</summary>
    public static string Code(UntradedReason reason) => reason switch
    {
        UntradedReason.WantsNothing => "wants-nothing",
        UntradedReason.NobodyWantsIt => "nobody-wants-it",
        UntradedReason.NoLoop => "no-loop",
        UntradedReason.CrowdedOut => "crowded-out",
        UntradedReason.TieBroken => "tie-broken",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>A plain-English sentence fragment, e.g. "nobody wants it".</summary>
    public static string Describe(UntradedReason reason) => reason switch
    {
        UntradedReason.WantsNothing => "it wants nothing that is offered",
        UntradedReason.NobodyWantsIt => "nobody wants it",
        UntradedReason.NoLoop => "it is wanted and wants, but no loop can contain it",
        UntradedReason.CrowdedOut => "every loop that could contain it costs a trade or a cheaper loop elsewhere",
        UntradedReason.TieBroken => "it could trade in an equally good solution, but this one lets more users trade or has smaller loops",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
