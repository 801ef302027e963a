namespace Yalu.Market.Trading;

/// <summary>
/// One handover of a cleared round: <see cref="Giver"/> hands <see cref="Lot"/> to
/// <see cref="Receiver"/>. <see cref="Exchange"/> numbers the loop or chain within the round,
/// <see cref="Position"/> the leg within it. Immutable: transitions return a new leg or an error
/// with code <see cref="ErrorCodes.LegNotPending"/>.
/// </summary>
public sealed record Leg
{
    /// <summary>Creates a leg; throws on empty ids or negative numbers. The giver may be the receiver only for a keeper's own lot going to the pool.</summary>
    public Leg(LegId id, RoundId round, int exchange, int position, TraderId giver, LotId lot, TraderId receiver, LegState state)
    {
        if (id.Value == Guid.Empty || round.Value == Guid.Empty || giver.Value == Guid.Empty || lot.Value == Guid.Empty || receiver.Value == Guid.Empty)
            throw new ArgumentException("a leg needs every id");
        ArgumentOutOfRangeException.ThrowIfNegative(exchange);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (!Enum.IsDefined(state)) throw new ArgumentOutOfRangeException(nameof(state));
        Id = id;
        Round = round;
        Exchange = exchange;
        Position = position;
        Giver = giver;
        Lot = lot;
        Receiver = receiver;
        State = state;
    }

    /// <summary>The id.</summary>
    public LegId Id { get; }

    /// <summary>The round that cleared it.</summary>
    public RoundId Round { get; }

    /// <summary>Index of its loop or chain within the round (loops first, then chains).</summary>
    public int Exchange { get; }

    /// <summary>Index of the leg within its exchange.</summary>
    public int Position { get; }

    /// <summary>Who hands the lot over (its owner).</summary>
    public TraderId Giver { get; }

    /// <summary>The lot handed over.</summary>
    public LotId Lot { get; }

    /// <summary>Who receives it.</summary>
    public TraderId Receiver { get; }

    /// <summary>The state.</summary>
    public LegState State { get; private init; }

    /// <summary>Whether the handover is still to come.</summary>
    public bool IsPending => State == LegState.Pending;

    /// <summary>Pending → confirmed.</summary>
    public Result<Leg> Confirm() => Move(LegState.Confirmed);

    /// <summary>Pending → failed (a no-show).</summary>
    public Result<Leg> Fail() => Move(LegState.Failed);

    /// <summary>Pending → released (another leg of the exchange failed).</summary>
    public Result<Leg> Release() => Move(LegState.Released);

    private Result<Leg> Move(LegState to) =>
        IsPending
            ? Result.Ok(this with { State = to })
            : Result.Fail<Leg>(ErrorCodes.LegNotPending, $"leg {Id} is {State}, cannot become {to}");
}
