using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>Data-protection key ring elements (<see cref="IDataProtectionKeyStore"/>): node secrets, so no events.</summary>
public abstract partial class SqlMarketStore : IDataProtectionKeyStore
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> ListDataProtectionKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<string>>(async c => await QueryAsync(c, "SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name",
            r => r.GetString(0), cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public Task AddDataProtectionKeyAsync(string friendlyName, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(friendlyName);
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        return WriteAsync(async (c, tx) => Result.Ok(await ExecuteAsync(c, tx,
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @at) ON CONFLICT (friendly_name) DO NOTHING",
            cancellationToken, ("name", friendlyName), ("xml", xml), ("at", Clock.GetUtcNow()))), cancellationToken);
    }
}
