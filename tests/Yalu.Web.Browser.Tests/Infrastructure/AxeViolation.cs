namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>One rule axe-core found violated on a page.</summary>
/// <param name="Id">The rule, e.g. color-contrast.</param>
/// <param name="Impact">minor, moderate, serious or critical.</param>
/// <param name="Help">What the rule asks.</param>
/// <param name="Nodes">How many elements violate it.</param>
/// <param name="Targets">Selectors of the first few of them.</param>
public sealed record AxeViolation(string Id, string Impact, string Help, int Nodes, string Targets);
