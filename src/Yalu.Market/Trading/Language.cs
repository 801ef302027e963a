namespace Yalu.Market.Trading;

/// <summary>A trader's preferred language.</summary>
public enum Language
{
    /// <summary>Korean.</summary>
    Ko,

    /// <summary>Chinese.</summary>
    Zh,

    /// <summary>English.</summary>
    En,
}
