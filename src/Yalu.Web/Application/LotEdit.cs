namespace Yalu.Web.Application;

/// <summary>A change to an open lot; a missing part is kept.</summary>
/// <param name="Version">The version the change was made on; a stale one is refused.</param>
/// <param name="Quantity">The new quantity in the lot's unit.</param>
/// <param name="Value">The new value in CNY, as text.</param>
/// <param name="Note">The new note.</param>
public sealed record LotEdit(long? Version, decimal? Quantity, string? Value, string? Note);
