using System.Data.Common;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>Traders, credentials and the catalog.</summary>
public abstract partial class SqlMarketStore
{
    private const string TraderColumns = "id, handle, side, language, role, credit_limit, created_at";

    /// <inheritdoc/>
    public Task<Result<Trader>> AddTraderAsync(Trader trader, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trader);
        return WriteAsync(async (c, tx) =>
        {
            await using var exists = Command(c, tx, "SELECT COUNT(*) FROM traders WHERE handle_key = @key", ("key", trader.Handle.Key));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                return Result.Fail<Trader>(ErrorCodes.HandleTaken, $"the handle {trader.Handle} is taken");
            await ExecuteAsync(c, tx,
                "INSERT INTO traders (id, handle, handle_key, side, language, role, credit_limit, created_at) VALUES (@id, @handle, @key, @side, @language, @role, @limit, @at)",
                cancellationToken,
                ("id", Id(trader.Id.Value)), ("handle", trader.Handle.Value), ("key", trader.Handle.Key), ("side", DbText.Of(trader.Side)),
                ("language", DbText.Of(trader.Language)), ("role", DbText.Of(trader.Role)), ("limit", trader.CreditLimit.Fen), ("at", trader.CreatedAt));
            await AppendEventAsync(c, tx, actor, "trader.registered", trader.Id.ToString(), TraderPayload(trader), EventPayloads.Trader(actor, trader), cancellationToken);
            return Result.Ok(trader);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Result<Trader>> UpdateTraderAsync(Trader trader, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trader);
        return WriteAsync(async (c, tx) =>
        {
            int rows = await ExecuteAsync(c, tx,
                "UPDATE traders SET side = @side, language = @language, role = @role, credit_limit = @limit WHERE id = @id AND home IS NULL",
                cancellationToken,
                ("id", Id(trader.Id.Value)), ("side", DbText.Of(trader.Side)), ("language", DbText.Of(trader.Language)),
                ("role", DbText.Of(trader.Role)), ("limit", trader.CreditLimit.Fen));
            if (rows == 0) return Result.Fail<Trader>(ErrorCodes.ConcurrencyConflict, $"there is no trader {trader.Id}");
            await AppendEventAsync(c, tx, actor, "trader.updated", trader.Id.ToString(), TraderPayload(trader), EventPayloads.Trader(actor, trader), cancellationToken);
            return Result.Ok(trader);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Trader?> GetTraderAsync(TraderId id, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await QueryAsync(c, $"SELECT {TraderColumns} FROM traders WHERE id = @id", ReadTrader, cancellationToken, ("id", Id(id.Value)))).SingleOrDefault(), cancellationToken);

    /// <inheritdoc/>
    public Task<Trader?> FindTraderAsync(Handle handle, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await QueryAsync(c, $"SELECT {TraderColumns} FROM traders WHERE handle_key = @key", ReadTrader, cancellationToken, ("key", handle.Key))).SingleOrDefault(), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Trader>> ListTradersAsync(CancellationToken cancellationToken = default) =>
        CachedReadAsync<IReadOnlyList<Trader>>("traders",
            async c => (await QueryAsync(c, $"SELECT {TraderColumns} FROM traders ORDER BY handle_key", ReadTrader, cancellationToken)).AsReadOnly(), cancellationToken);

    /// <inheritdoc/>
    public Task SetCredentialAsync(TraderId trader, string passHash, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passHash);
        return WriteAsync(async (c, tx) =>
        {
            int rows = await ExecuteAsync(c, tx, "UPDATE trader_credentials SET pass_hash = @hash, updated_at = @at WHERE trader_id = @id",
                cancellationToken, ("id", Id(trader.Value)), ("hash", passHash), ("at", Clock.GetUtcNow()));
            if (rows == 0)
                await ExecuteAsync(c, tx, "INSERT INTO trader_credentials (trader_id, pass_hash, updated_at) VALUES (@id, @hash, @at)",
                    cancellationToken, ("id", Id(trader.Value)), ("hash", passHash), ("at", Clock.GetUtcNow()));
            await AppendEventAsync(c, tx, actor, "credential.set", trader.ToString(), new { trader = trader.ToString() }, EventPayloads.Credential(actor, trader), cancellationToken);
            return Result.Ok(true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<string?> GetCredentialAsync(TraderId trader, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await QueryAsync(c, "SELECT pass_hash FROM trader_credentials WHERE trader_id = @id", r => r.GetString(0), cancellationToken, ("id", Id(trader.Value)))).SingleOrDefault(), cancellationToken);

    /// <inheritdoc/>
    public Task UpsertGoodsAsync(IEnumerable<Good> goods, TraderId? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(goods);
        var list = goods.ToList();
        return WriteAsync(async (c, tx) =>
        {
            foreach (var good in list)
            {
                (string, object?)[] values =
                [
                    ("id", good.Id.Value), ("category", good.Category.Value), ("en", good.NameEn), ("ko", good.NameKo), ("zh", good.NameZh),
                    ("unit", good.Unit.Value), ("low", good.PriceLow.Fen), ("high", good.PriceHigh.Fen),
                ];
                int rows = await ExecuteAsync(c, tx,
                    "UPDATE goods SET category = @category, name_en = @en, name_ko = @ko, name_zh = @zh, unit = @unit, price_low = @low, price_high = @high WHERE id = @id",
                    cancellationToken, values);
                if (rows == 0)
                    await ExecuteAsync(c, tx,
                        "INSERT INTO goods (id, category, name_en, name_ko, name_zh, unit, price_low, price_high) VALUES (@id, @category, @en, @ko, @zh, @unit, @low, @high)",
                        cancellationToken, values);
                await AppendEventAsync(c, tx, actor, "good.upserted", good.Id.Value, new
                {
                    id = good.Id.Value, category = good.Category.Value, en = good.NameEn, ko = good.NameKo, zh = good.NameZh,
                    unit = good.Unit.Value, low = good.PriceLow.ToString(), high = good.PriceHigh.ToString(),
                }, EventPayloads.Good(actor, good), cancellationToken);
            }
            return Result.Ok(true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<MarketCatalog> GetCatalogAsync(CancellationToken cancellationToken = default) =>
        CachedReadAsync("catalog", async c => new MarketCatalog(await QueryAsync(c,
            "SELECT id, category, name_en, name_ko, name_zh, unit, price_low, price_high FROM goods ORDER BY id",
            r => new Good(GoodId.Parse(r.GetString(0)), CategoryId.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
                UnitCode.Parse(r.GetString(5)), new Money(r.GetInt64(6)), new Money(r.GetInt64(7))),
            cancellationToken)), cancellationToken);

    private static Trader ReadTrader(DbDataReader r) => new(
        new TraderId(r.GetGuid(0)), Handle.Parse(r.GetString(1)), DbText.Parse<Side>(r.GetString(2)), DbText.Parse<Language>(r.GetString(3)),
        DbText.Parse<Role>(r.GetString(4)), new Money(r.GetInt64(5)), r.GetFieldValue<DateTimeOffset>(6));

    private static object TraderPayload(Trader t) => new
    {
        id = t.Id.ToString(), handle = t.Handle.Value, side = DbText.Of(t.Side), language = DbText.Of(t.Language),
        role = DbText.Of(t.Role), creditLimit = t.CreditLimit.ToString(),
    };
}
