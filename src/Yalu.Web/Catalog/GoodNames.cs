namespace Yalu.Web.Catalog;

/// <summary>A good's name in the market's three languages.</summary>
/// <param name="En">English.</param>
/// <param name="Ko">Korean (North Korean form first).</param>
/// <param name="Zh">Chinese.</param>
public sealed record GoodNames(string En, string Ko, string Zh);
