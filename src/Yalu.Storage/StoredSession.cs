using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>A login session as stored: whose it is and until when it is valid.</summary>
/// <param name="Trader">The trader logged in.</param>
/// <param name="ExpiresAt">After this instant the session no longer authenticates.</param>
public sealed record StoredSession(TraderId Trader, DateTimeOffset ExpiresAt);
