using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Storage;

/// <summary>
/// The market's durable store: traders, credentials, catalog, lots, want lists, rates, rounds and
/// legs, and the append-only event log. Every write is one transaction that also appends its event
/// (who, what, when from the injected clock, a JSON payload without notes or credentials); a write
/// either happens with its event or not at all. Expected failures (a handle taken, a lot changed
/// meanwhile, a lot no longer open) come back as <see cref="Result{T}"/> with a stable code and
/// leave nothing behind. Implementations are thread-safe: share one per process.
/// </summary>
public partial interface IMarketStore : IAsyncDisposable
{
    /// <summary>Adds a trader; fails with <see cref="ErrorCodes.HandleTaken"/> when the handle exists (case-insensitive).</summary>
    Task<Result<Trader>> AddTraderAsync(Trader trader, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>Replaces a trader's side, language, role and credit limit (the handle never changes).</summary>
    Task<Result<Trader>> UpdateTraderAsync(Trader trader, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The trader, or null.</summary>
    Task<Trader?> GetTraderAsync(TraderId id, CancellationToken cancellationToken = default);

    /// <summary>The trader with this handle (case-insensitive), or null.</summary>
    Task<Trader?> FindTraderAsync(Handle handle, CancellationToken cancellationToken = default);

    /// <summary>Every trader, by handle.</summary>
    Task<IReadOnlyList<Trader>> ListTradersAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets a trader's pass-phrase hash (already hashed by the caller; the event records only that it changed).</summary>
    Task SetCredentialAsync(TraderId trader, string passHash, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>A trader's pass-phrase hash, or null.</summary>
    Task<string?> GetCredentialAsync(TraderId trader, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces goods of the catalog.</summary>
    Task UpsertGoodsAsync(IEnumerable<Good> goods, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The catalog, by good code.</summary>
    Task<MarketCatalog> GetCatalogAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a lot posted with version 0; returns it at version 1.</summary>
    Task<Lot> AddLotAsync(Lot lot, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a changed lot if nobody changed it since it was read (its <see cref="Lot.Version"/>);
    /// returns it at the next version, or fails with <see cref="ErrorCodes.ConcurrencyConflict"/>.
    /// </summary>
    Task<Result<Lot>> UpdateLotAsync(Lot lot, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The lot, or null.</summary>
    Task<Lot?> GetLotAsync(LotId id, CancellationToken cancellationToken = default);

    /// <summary>Lots, optionally only those in <paramref name="state"/>, by id (creation order).</summary>
    Task<IReadOnlyList<Lot>> ListLotsAsync(LotState? state = null, CancellationToken cancellationToken = default);

    /// <summary>Sets (replaces) the want list of a lot.</summary>
    Task SetWantListAsync(WantList wantList, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The want list of a lot, or null.</summary>
    Task<WantList?> GetWantListAsync(LotId lot, CancellationToken cancellationToken = default);

    /// <summary>The want lists of every open lot.</summary>
    Task<IReadOnlyList<WantList>> ListOpenWantListsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a dated rate (replacing one of the same day and place).</summary>
    Task AddRateAsync(KpwRate rate, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>Every rate, newest first.</summary>
    Task<IReadOnlyList<KpwRate>> ListRatesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a price bulletin received from another node (checked by the caller), one per market and
    /// day: the same bulletin again changes nothing and appends no event; a different one of the same
    /// day replaces it, lines and all.
    /// </summary>
    Task<BulletinStored> ImportBulletinAsync(Bulletin bulletin, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The newest imported bulletin (by its date) of <paramref name="market"/>, or null.</summary>
    Task<ImportedBulletin?> GetLatestBulletinAsync(Side market, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a scheduled round; fails with <see cref="ErrorCodes.RoundActive"/> when another round of the
    /// market is scheduled or running (the database keeps one at a time, across every node on it).
    /// </summary>
    Task<Result<Round>> AddRoundAsync(Round round, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The rounds scheduled or running (at most one), oldest first.</summary>
    Task<IReadOnlyList<Round>> ListActiveRoundsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a round's new state if it is still in <paramref name="expected"/> (running → failed,
    /// scheduled → running); fails with <see cref="ErrorCodes.ConcurrencyConflict"/> otherwise.
    /// </summary>
    Task<Result<Round>> UpdateRoundAsync(Round round, RoundState expected, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The round, or null.</summary>
    Task<Round?> GetRoundAsync(RoundId id, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="max"/> rounds, newest (by creation time) first.</summary>
    Task<IReadOnlyList<Round>> ListRoundsAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the result of a round atomically, all legs or none: the round goes from running to
    /// <paramref name="cleared"/>, every leg is inserted pending, every leg's lot goes from open to
    /// matched. Fails, leaving nothing, with <see cref="ErrorCodes.LotNotOpen"/> (a lot was withdrawn
    /// or traded meanwhile), <see cref="ErrorCodes.LotInPendingLeg"/> or
    /// <see cref="ErrorCodes.RoundIllegalTransition"/>.
    /// </summary>
    Task<Result<Round>> StoreRoundResultAsync(Round cleared, IReadOnlyList<Leg> legs, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>The legs of a round, by exchange and position.</summary>
    Task<IReadOnlyList<Leg>> ListLegsAsync(RoundId round, CancellationToken cancellationToken = default);

    /// <summary>The leg, or null.</summary>
    Task<Leg?> GetLegAsync(LegId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes what a <see cref="TradeBook"/> operation changed (a confirmation, a no-show), all or
    /// none: each leg only if still pending, each lot only at its read version; otherwise
    /// <see cref="ErrorCodes.ConcurrencyConflict"/>.
    /// </summary>
    Task<Result<TradeBookChange>> ApplyAsync(TradeBookChange change, string kind, TraderId? actor, CancellationToken cancellationToken = default);

    /// <summary>Events after sequence number <paramref name="afterSeq"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterSeq, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sequence number of the newest event (0 when there is none). Every write that changes the
    /// market appends its event in the same transaction, so this number moves with every committed
    /// write, by this node or another on the same database: anything read from the store may be
    /// kept as long as it has not moved.
    /// </summary>
    Task<long> LastEventSeqAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a read scope for the current asynchronous flow (one HTTP request) until disposed. The
    /// first read in it learns the event log's last seq; later reads in the same scope serve what the
    /// store keeps for that seq without asking the database again, so a request sees the market as it
    /// was at its first read (never older than the request) at the cost of one lookup. A write in the
    /// scope forgets the seq, so the request reads its own writes.
    /// </summary>
    IDisposable BeginReadScope();

    /// <summary>The schema version the database is at.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);
}
