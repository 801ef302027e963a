using Microsoft.Extensions.Logging;
using Yalu.Market.Trading;

namespace Yalu.Web.Rounds;

/// <summary>Log messages of rounds, with stable event ids. Only ids and counts: never handles, lots or notes.</summary>
internal static partial class RoundLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Round {Round} clearing {Items} open lots with {Wants} wants")]
    public static partial void Clearing(ILogger logger, RoundId round, int items, int wants);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Round {Round} cleared: {Legs} legs, engine {Engine}")]
    public static partial void Cleared(ILogger logger, RoundId round, int legs, string engine);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Round {Round} failed: {Reason}")]
    public static partial void Failed(ILogger logger, RoundId round, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "Round {Round} failed with an exception")]
    public static partial void Crashed(ILogger logger, RoundId round, Exception exception);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Round {Round} was left scheduled or running by a node that stopped; marked failed")]
    public static partial void Orphaned(ILogger logger, RoundId round);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "Could not check for rounds left by a stopped node; the next round start will")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception);
}
