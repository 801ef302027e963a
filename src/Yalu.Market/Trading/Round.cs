namespace Yalu.Market.Trading;

/// <summary>
/// One clearing of all open lots, started by a keeper with its parameters. Immutable: transitions
/// (<see cref="Start"/>, <see cref="Clear"/>, <see cref="Fail"/>) return a new round or an error
/// with code <see cref="ErrorCodes.RoundIllegalTransition"/>.
/// </summary>
public sealed record Round
{
    /// <summary>Rebuilds a round (from a store).</summary>
    public Round(RoundId id, TraderId keeper, RoundParameters parameters, RoundState state, DateTimeOffset createdAt, DateTimeOffset? finishedAt)
    {
        if (id.Value == Guid.Empty || keeper.Value == Guid.Empty) throw new ArgumentException("a round needs an id and a keeper");
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Enum.IsDefined(state)) throw new ArgumentOutOfRangeException(nameof(state));
        Id = id;
        Keeper = keeper;
        Parameters = parameters;
        State = state;
        CreatedAt = createdAt;
        FinishedAt = finishedAt;
    }

    /// <summary>The id.</summary>
    public RoundId Id { get; }

    /// <summary>The keeper who started it; the pool's receiver for the last lot of a chain.</summary>
    public TraderId Keeper { get; }

    /// <summary>Caps, objective, time limit.</summary>
    public RoundParameters Parameters { get; }

    /// <summary>The state.</summary>
    public RoundState State { get; private init; }

    /// <summary>When it was scheduled.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it was cleared or failed.</summary>
    public DateTimeOffset? FinishedAt { get; private init; }

    /// <summary>A scheduled round, now.</summary>
    public static Round Schedule(TraderId keeper, RoundParameters parameters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new Round(RoundId.New(clock), keeper, parameters, RoundState.Scheduled, clock.GetUtcNow(), null);
    }

    /// <summary>Scheduled → running.</summary>
    public Result<Round> Start() => Move(RoundState.Scheduled, RoundState.Running, null);

    /// <summary>Running → cleared at <paramref name="at"/>.</summary>
    public Result<Round> Clear(DateTimeOffset at) => Move(RoundState.Running, RoundState.Cleared, at);

    /// <summary>Scheduled or running → failed at <paramref name="at"/>.</summary>
    public Result<Round> Fail(DateTimeOffset at) =>
        State == RoundState.Scheduled ? Move(RoundState.Scheduled, RoundState.Failed, at) : Move(RoundState.Running, RoundState.Failed, at);

    private Result<Round> Move(RoundState from, RoundState to, DateTimeOffset? at) =>
        State == from
            ? Result.Ok(this with { State = to, FinishedAt = at })
            : Result.Fail<Round>(ErrorCodes.RoundIllegalTransition, $"round {Id} is {State}, cannot become {to}");
}
