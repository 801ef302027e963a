namespace Yalu.Web.Api;

/// <summary>
/// The stable machine codes the API puts in every ProblemDetails (<c>code</c>). They are part of the
/// contract: never rename one, only add. docs/api.md lists them with their statuses.
/// </summary>
public static class ApiCodes
{
    /// <summary>401: the endpoint needs a session (cookie or bearer token) and none valid was sent.</summary>
    public const string AuthRequired = "auth.required";

    /// <summary>403: the caller's role may not use the endpoint (keeper-only).</summary>
    public const string AuthForbidden = "auth.forbidden";

    /// <summary>401: the handle or pass phrase is wrong (which one is not said).</summary>
    public const string AuthInvalidCredentials = "auth.invalid_credentials";

    /// <summary>429: too many failed logins for this handle; see Retry-After.</summary>
    public const string AuthThrottled = "auth.throttled";

    /// <summary>422: the request's fields are invalid; <c>errors</c> maps each field to its messages.</summary>
    public const string ValidationFailed = "validation.failed";

    /// <summary>409: another trader has this handle.</summary>
    public const string HandleTaken = "trader.handle_taken";

    /// <summary>404: no such good in the catalog.</summary>
    public const string GoodNotFound = "good.not_found";

    /// <summary>404: no such lot (or not one the caller may see).</summary>
    public const string LotNotFound = "lot.not_found";

    /// <summary>403: the lot belongs to another trader.</summary>
    public const string LotNotYours = "lot.not_yours";

    /// <summary>409: the lot is no longer open (matched, handed over, withdrawn or expired).</summary>
    public const string LotNotOpen = "lot.not_open";

    /// <summary>409: the lot changed since the version the request named; read it again.</summary>
    public const string LotChanged = "lot.changed";

    /// <summary>422: a want list names one of the trader's own lots.</summary>
    public const string WantsOwnLot = "wants.own_lot";

    /// <summary>422: a want list names a lot that does not exist.</summary>
    public const string WantsUnknownLot = "wants.unknown_lot";

    /// <summary>422: a want list names a good or category the catalog does not have.</summary>
    public const string WantsUnknownGood = "wants.unknown_good";

    /// <summary>422: a want list has the same entry twice.</summary>
    public const string WantsDuplicate = "wants.duplicate";

    /// <summary>422: a want list is longer than 200 entries.</summary>
    public const string WantsTooLong = "wants.too_long";

    /// <summary>409: a donor lot asks nothing back, so it has no want list.</summary>
    public const string WantsDonorLot = "wants.donor_lot";

    /// <summary>400: the Idempotency-Key header is empty, longer than 200 characters or not printable ASCII.</summary>
    public const string IdempotencyKeyInvalid = "idempotency.key_invalid";

    /// <summary>422: the Idempotency-Key was used before with a different request.</summary>
    public const string IdempotencyKeyReused = "idempotency.key_reused";

    /// <summary>400: the body is not the JSON the endpoint takes, or a parameter does not parse.</summary>
    public const string RequestMalformed = "request.malformed";

    /// <summary>413: the body is larger than the node accepts (64 KiB by default).</summary>
    public const string RequestTooLarge = "request.too_large";

    /// <summary>415: the body is not JSON.</summary>
    public const string UnsupportedMediaType = "request.unsupported_media_type";

    /// <summary>404: no endpoint has this path.</summary>
    public const string RouteNotFound = "route.not_found";

    /// <summary>405: the path exists but not with this method.</summary>
    public const string MethodNotAllowed = "route.method_not_allowed";

    /// <summary>429: a node-wide rate limit (e.g. registrations per minute) was reached; see Retry-After.</summary>
    public const string RateLimited = "rate.limited";

    /// <summary>409: a conflicting change happened meanwhile; retry.</summary>
    public const string Conflict = "state.conflict";

    /// <summary>500: the node failed; nothing was half-done (every write is one transaction).</summary>
    public const string ServerError = "server.error";

    /// <summary>The code for a bare status (a response with no code of its own).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => RequestMalformed,
        401 => AuthRequired,
        403 => AuthForbidden,
        404 => RouteNotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => RequestTooLarge,
        415 => UnsupportedMediaType,
        422 => ValidationFailed,
        429 => RateLimited,
        _ => status >= 500 ? ServerError : "http." + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>404: no trader has that handle.</summary>
    public const string TraderNotFound = "trader.not_found";

    /// <summary>404: no IOU has that id, or it is between other traders.</summary>
    public const string IouNotFound = "iou.not_found";

    /// <summary>403: only the debtor accepts an IOU; only its parties decline it.</summary>
    public const string IouNotYours = "iou.not_yours";

    /// <summary>409: the IOU is no longer proposed (or, for a set-off, no longer accepted).</summary>
    public const string IouNotProposed = "iou.not_proposed";

    /// <summary>409: the IOU or the ledger changed meanwhile; read again and retry.</summary>
    public const string CreditChanged = "credit.changed";
}
