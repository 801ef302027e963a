using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>Reading one leg by its id (confirming or failing a handover names only the leg).</summary>
public abstract partial class SqlMarketStore
{
    /// <inheritdoc/>
    public Task<Leg?> GetLegAsync(LegId id, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await QueryAsync(c, $"SELECT {LegColumns} FROM legs WHERE id = @id",
            r => new Leg(new LegId(r.GetGuid(0)), new RoundId(r.GetGuid(1)), r.GetInt32(2), r.GetInt32(3), new TraderId(r.GetGuid(4)),
                new LotId(r.GetGuid(5)), new TraderId(r.GetGuid(6)), DbText.Parse<LegState>(r.GetString(7))),
            cancellationToken, ("id", Id(id.Value)))).SingleOrDefault(), cancellationToken);
}
