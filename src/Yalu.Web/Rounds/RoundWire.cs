using Yalu.Market.Trading;

namespace Yalu.Web.Rounds;

/// <summary>How round and leg enums are spelled on the wire: lower case, as <see cref="Wire"/> does for the rest.</summary>
public static class RoundWire
{
    /// <summary>scheduled, running, cleared or failed.</summary>
    public static string Of(RoundState state) => state switch
    {
        RoundState.Scheduled => "scheduled",
        RoundState.Running => "running",
        RoundState.Cleared => "cleared",
        _ => "failed",
    };

    /// <summary>pending, confirmed, failed or released.</summary>
    public static string Of(LegState state) => state switch
    {
        LegState.Pending => "pending",
        LegState.Confirmed => "confirmed",
        LegState.Failed => "failed",
        _ => "released",
    };

    /// <summary>count, value, preference or essentials.</summary>
    public static string Of(RoundObjective objective) => objective switch
    {
        RoundObjective.Value => "value",
        RoundObjective.Preference => "preference",
        RoundObjective.Essentials => "essentials",
        _ => "count",
    };

    /// <summary>Parses an objective; null text gives <see cref="RoundObjective.Count"/>.</summary>
    public static bool TryParseObjective(string? text, out RoundObjective objective)
    {
        objective = RoundObjective.Count;
        switch (text)
        {
            case null or "count": return true;
            case "value": objective = RoundObjective.Value; return true;
            case "preference": objective = RoundObjective.Preference; return true;
            case "essentials": objective = RoundObjective.Essentials; return true;
            default: return false;
        }
    }
}
