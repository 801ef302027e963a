namespace Yalu.Web.Application;

/// <summary>How a login went.</summary>
public enum LoginStatus
{
    /// <summary>Logged in: a session was stored.</summary>
    Ok,

    /// <summary>A handle or pass phrase is missing or malformed.</summary>
    Malformed,

    /// <summary>The handle or the pass phrase is wrong (which one is not said).</summary>
    Invalid,

    /// <summary>Too many failures for this handle; try again after <see cref="LoginOutcome.RetryAfter"/>.</summary>
    Throttled,
}
