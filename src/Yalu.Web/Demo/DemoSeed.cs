namespace Yalu.Web.Demo;

/// <summary>What a first start put into a fresh database.</summary>
/// <param name="KeeperHandle">The keeper account's handle.</param>
/// <param name="KeeperPassPhrase">Its pass phrase: shown once, stored only hashed.</param>
/// <param name="Goods">Goods in the catalog.</param>
/// <param name="Traders">Demo traders (the keeper not counted).</param>
/// <param name="Lots">Demo lots, each with a want list.</param>
public sealed record DemoSeed(string KeeperHandle, string KeeperPassPhrase, int Goods, int Traders, int Lots);
