using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>A price bulletin received from another node and stored, with when it was stored.</summary>
/// <param name="Bulletin">The bulletin as checked.</param>
/// <param name="ImportedAt">When it was stored (by the store's clock).</param>
public sealed record ImportedBulletin(Bulletin Bulletin, DateTimeOffset ImportedAt);
