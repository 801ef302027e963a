using Yalu.Market.Trading;
using Yalu.Sync;

namespace Yalu.Web;

/// <summary>How enum values are spelled on the wire: lower case ("hyesan", "ko", "handed_over").</summary>
public static class Wire
{
    /// <summary>The wire form of a side.</summary>
    public static string Of(Side side) => side == Side.Changbai ? "changbai" : "hyesan";

    /// <summary>The market a node's card names: its side, "hyesan" or "changbai" (a card holds no other).</summary>
    public static Side SideOf(NodeCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Side == NodeSides.Changbai ? Side.Changbai : Side.Hyesan;
    }

    /// <summary>The wire form of a language.</summary>
    public static string Of(Language language) => language switch
    {
        Language.Zh => "zh",
        Language.En => "en",
        _ => "ko",
    };

    /// <summary>The wire form of a role.</summary>
    public static string Of(Role role) => role == Role.Keeper ? "keeper" : "trader";

    /// <summary>The wire form of a lot state.</summary>
    public static string Of(LotState state) => state switch
    {
        LotState.Open => "open",
        LotState.Matched => "matched",
        LotState.HandedOver => "handed_over",
        LotState.Withdrawn => "withdrawn",
        _ => "expired",
    };

    /// <summary>Parses a side; null text gives <paramref name="fallback"/>.</summary>
    public static bool TryParseSide(string? text, Side fallback, out Side side)
    {
        side = fallback;
        switch (text)
        {
            case null: return true;
            case "hyesan": side = Side.Hyesan; return true;
            case "changbai": side = Side.Changbai; return true;
            default: return false;
        }
    }

    /// <summary>Parses a language; null text gives <paramref name="fallback"/>.</summary>
    public static bool TryParseLanguage(string? text, Language fallback, out Language language)
    {
        language = fallback;
        switch (text)
        {
            case null: return true;
            case "ko": language = Language.Ko; return true;
            case "zh": language = Language.Zh; return true;
            case "en": language = Language.En; return true;
            default: return false;
        }
    }
}
