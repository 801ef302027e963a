namespace Yalu.Web.Lots;

/// <summary>Changes to an open lot of mine; absent fields stay as they are.</summary>
/// <param name="Quantity">New quantity.</param>
/// <param name="Value">New estimated value in CNY.</param>
/// <param name="Note">New note.</param>
/// <param name="Version">The version the change is based on; when given and the lot has changed since, 409 lot.changed.</param>
public sealed record EditLotRequest(decimal? Quantity, string? Value, string? Note, long? Version);
