namespace Yalu.Web.Rounds;

/// <summary>
/// The stable ProblemDetails codes of rounds and legs. Like <see cref="Api.ApiCodes"/> they are part
/// of the contract: never rename one, only add. docs/api.md lists them with their statuses.
/// </summary>
public static class RoundCodes
{
    /// <summary>404: no such round.</summary>
    public const string RoundNotFound = "round.not_found";

    /// <summary>409: a round is queued or running (starting another), or this round has no result yet.</summary>
    public const string RoundRunning = "round.running";

    /// <summary>409: the round failed, so it has no result and no slips.</summary>
    public const string RoundFailed = "round.failed";

    /// <summary>404: no such leg.</summary>
    public const string LegNotFound = "leg.not_found";

    /// <summary>409: the leg is already confirmed, failed or released.</summary>
    public const string LegNotPending = "leg.not_pending";

    /// <summary>404: no trader has the handle a keeper asked a slip for.</summary>
    public const string TraderNotFound = "trader.not_found";
}
