using System.Security.Claims;
using Yalu.Market.Trading;

namespace Yalu.Web.Auth;

/// <summary>The names of the session scheme, cookie, claims and policies, and readers of the caller's identity.</summary>
public static class YaluAuth
{
    /// <summary>The authentication scheme: a session token from the cookie or an <c>Authorization: Bearer</c> header.</summary>
    public const string Scheme = "YaluSession";

    /// <summary>The session cookie (HttpOnly, SameSite=Strict).</summary>
    public const string CookieName = "yalu_session";

    /// <summary>The claim holding the stored (hashed) form of the session token, for logout.</summary>
    public const string SessionClaim = "yalu:session";

    /// <summary>The claim holding the trader's stored language (ko, zh, en), for the pages' culture.</summary>
    public const string LanguageClaim = "yalu:language";

    /// <summary>Policy: any logged-in trader or keeper.</summary>
    public const string TraderPolicy = "trader";

    /// <summary>Policy: keepers only.</summary>
    public const string KeeperPolicy = "keeper";

    /// <summary>The role claim value of a keeper.</summary>
    public const string KeeperRole = "keeper";

    /// <summary>The role claim value of a trader.</summary>
    public const string TraderRole = "trader";

    /// <summary>The logged-in trader's id; throws when the principal is not authenticated by this scheme.</summary>
    public static TraderId TraderId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Market.Trading.TraderId.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("the request is not authenticated by a Yalu session");
    }

    /// <summary>Whether the caller is a keeper.</summary>
    public static bool IsKeeper(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(KeeperRole);
    }
}
