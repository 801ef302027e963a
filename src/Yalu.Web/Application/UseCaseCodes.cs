namespace Yalu.Web.Application;

/// <summary>
/// Stable codes of the node's expected failures that are not the domain's own
/// (<see cref="Market.Trading.ErrorCodes"/>): what a use case refuses because of who asks or what the
/// node is doing. The API maps each to a status and a ProblemDetails code once
/// (<see cref="Api.Problems"/>); the pages translate each as <c>Error.{code}</c>.
/// </summary>
public static class UseCaseCodes
{
    /// <summary>A field that must be given is missing.</summary>
    public const string Required = "required";

    /// <summary>A field is not in its range or not in its form.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>A good the catalog does not have.</summary>
    public const string GoodNotFound = "good-not-found";

    /// <summary>No lot has that id.</summary>
    public const string LotNotFound = "lot-not-found";

    /// <summary>No round has that id.</summary>
    public const string RoundNotFound = "round-not-found";

    /// <summary>Another round is queued or clearing.</summary>
    public const string RoundRunning = "round-running";

    /// <summary>No leg has that id.</summary>
    public const string LegNotFound = "leg-not-found";

    /// <summary>A pass phrase is too short or too long.</summary>
    public const string PassPhraseLength = "pass-phrase-length";

    /// <summary>A side other than hyesan or changbai.</summary>
    public const string InvalidSide = "invalid-side";

    /// <summary>A language other than ko, zh or en.</summary>
    public const string InvalidLanguage = "invalid-language";

    /// <summary>No trader has that handle (or id).</summary>
    public const string TraderNotFound = "trader-not-found";

    /// <summary>No IOU has that id (or not one the caller is a party to).</summary>
    public const string IouNotFound = "iou-not-found";

    /// <summary>A price bulletin of this node's own market offered for import: only the other bank's is imported.</summary>
    public const string BulletinOwnMarket = "bulletin-own-market";

    /// <summary>A price bulletin with a wrong line, or wrong as a whole (each problem is a field error on <c>text</c>).</summary>
    public const string BulletinNotIntact = "bulletin-not-intact";
}
