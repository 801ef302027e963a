using Yalu.Market.Catalog;

namespace Yalu.Market.Trading;

/// <summary>
/// One indivisible offering: a quantity of a catalog good, a note, an estimated value, its owner
/// and its state. A donor lot is given without anything asked back (it can start a chain). A lot
/// may belong to a group of its owner's lots of which at most one trades. Immutable: transitions
/// return a new lot, or a <see cref="DomainError"/> with a stable code when illegal.
/// </summary>
/// <remarks>
/// States: <see cref="LotState.Open"/> → <see cref="LotState.Matched"/> → <see cref="LotState.HandedOver"/>;
/// open → <see cref="LotState.Withdrawn"/> or <see cref="LotState.Expired"/>; matched → open when its
/// leg fails or is released. <see cref="Version"/> is the store's optimistic-concurrency counter:
/// transitions keep it, the store increments it on every successful write.
/// </remarks>
public sealed record Lot
{
    /// <summary>The longest note, in UTF-16 code units.</summary>
    public const int MaxNoteLength = 500;

    private Lot(
        LotId id, TraderId owner, GoodId good, Quantity quantity, string note, Money value, bool isDonor,
        LotGroupId? group, LotState state, DateTimeOffset createdAt, long version)
    {
        Id = id;
        Owner = owner;
        Good = good;
        Quantity = quantity;
        Note = note;
        Value = value;
        IsDonor = isDonor;
        Group = group;
        State = state;
        CreatedAt = createdAt;
        Version = version;
    }

    /// <summary>The id.</summary>
    public LotId Id { get; }

    /// <summary>The trader who offers it.</summary>
    public TraderId Owner { get; }

    /// <summary>The catalog good.</summary>
    public GoodId Good { get; }

    /// <summary>How much.</summary>
    public Quantity Quantity { get; private init; }

    /// <summary>Free text from the owner (at most <see cref="MaxNoteLength"/>); never logged or put in events.</summary>
    public string Note { get; private init; }

    /// <summary>Estimated value in CNY, not negative.</summary>
    public Money Value { get; private init; }

    /// <summary>Given without anything asked back.</summary>
    public bool IsDonor { get; }

    /// <summary>The group of the owner's lots of which at most one trades, if any.</summary>
    public LotGroupId? Group { get; private init; }

    /// <summary>The state.</summary>
    public LotState State { get; private init; }

    /// <summary>When it was posted.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The store's concurrency counter (0 for a lot never stored).</summary>
    public long Version { get; private init; }

    /// <summary>Whether the lot takes part in the next round.</summary>
    public bool IsOpen => State == LotState.Open;

    /// <summary>Posts a new open lot now; fails on a note too long or a negative value.</summary>
    public static Result<Lot> Post(
        TraderId owner, GoodId good, Quantity quantity, string? note, Money value, bool isDonor, LotGroupId? group, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Restore(LotId.New(clock), owner, good, quantity, note, value, isDonor, group, LotState.Open, clock.GetUtcNow(), 0);
    }

    /// <summary>Rebuilds a lot read from a store, with the same validation as <see cref="Post"/>.</summary>
    public static Result<Lot> Restore(
        LotId id, TraderId owner, GoodId good, Quantity quantity, string? note, Money value, bool isDonor,
        LotGroupId? group, LotState state, DateTimeOffset createdAt, long version)
    {
        if (id.Value == Guid.Empty || owner.Value == Guid.Empty) throw new ArgumentException("a lot needs an id and an owner");
        if (good.Value is null) throw new ArgumentException("a lot needs a good", nameof(good));
        if (quantity.Unit.Value is null) throw new ArgumentException("a lot needs a quantity", nameof(quantity));
        if (!Enum.IsDefined(state)) throw new ArgumentOutOfRangeException(nameof(state));
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        note ??= "";
        if (note.Length > MaxNoteLength) return Result.Fail<Lot>(ErrorCodes.NoteTooLong, $"a note has at most {MaxNoteLength} characters");
        if (value < Money.Zero) return Result.Fail<Lot>(ErrorCodes.NegativeValue, "a lot's value is not negative");
        return Result.Ok(new Lot(id, owner, good, quantity, note, value, isDonor, group, state, createdAt, version));
    }

    /// <summary>Changes quantity, note and value of an open lot.</summary>
    public Result<Lot> Edit(Quantity quantity, string? note, Money value)
    {
        if (!IsOpen) return NotOpen("edited");
        if (quantity.Unit.Value is null) throw new ArgumentException("a lot needs a quantity", nameof(quantity));
        note ??= "";
        if (note.Length > MaxNoteLength) return Result.Fail<Lot>(ErrorCodes.NoteTooLong, $"a note has at most {MaxNoteLength} characters");
        if (value < Money.Zero) return Result.Fail<Lot>(ErrorCodes.NegativeValue, "a lot's value is not negative");
        return Result.Ok(this with { Quantity = quantity, Note = note, Value = value });
    }

    /// <summary>Puts an open lot into (or, with null, out of) a group of its owner's lots.</summary>
    public Result<Lot> InGroup(LotGroupId? group) => IsOpen ? Result.Ok(this with { Group = group }) : NotOpen("regrouped");

    /// <summary>Open → matched: a cleared round gave the lot a pending leg.</summary>
    public Result<Lot> Match() => IsOpen ? Result.Ok(this with { State = LotState.Matched }) : NotOpen("matched");

    /// <summary>Matched → handed over: its leg was confirmed.</summary>
    public Result<Lot> HandOver() => State == LotState.Matched ? Result.Ok(this with { State = LotState.HandedOver }) : NotMatched("handed over");

    /// <summary>Matched → open: its leg failed or was released, so it is offered in the next round.</summary>
    public Result<Lot> Reopen() => State == LotState.Matched ? Result.Ok(this with { State = LotState.Open }) : NotMatched("reopened");

    /// <summary>Open → withdrawn. A matched lot cannot be withdrawn: its leg must fail first.</summary>
    public Result<Lot> Withdraw() => IsOpen ? Result.Ok(this with { State = LotState.Withdrawn }) : NotOpen("withdrawn");

    /// <summary>Open → expired.</summary>
    public Result<Lot> Expire() => IsOpen ? Result.Ok(this with { State = LotState.Expired }) : NotOpen("expired");

    /// <summary>The same lot at another store version (for stores only).</summary>
    public Lot AtVersion(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return this with { Version = version };
    }

    private Result<Lot> NotOpen(string verb) =>
        Result.Fail<Lot>(ErrorCodes.LotNotOpen, $"lot {Id} is {State}, only an open lot can be {verb}");

    private Result<Lot> NotMatched(string verb) =>
        Result.Fail<Lot>(ErrorCodes.LotNotMatched, $"lot {Id} is {State}, only a matched lot can be {verb}");
}
