using Yalu.Market.Trading;

namespace Yalu.Web.Application;

/// <summary>The outcome of a successful bulletin import.</summary>
/// <param name="Bulletin">The bulletin as checked and stored.</param>
/// <param name="Status">What the import did.</param>
/// <param name="Shown">The date of the other bank's bulletin the price board shows now.</param>
public sealed record BulletinImport(Bulletin Bulletin, BulletinImportStatus Status, DateOnly Shown);
