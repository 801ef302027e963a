namespace Yalu.Sync;

/// <summary>
/// The stable codes of <see cref="SyncError"/>. SY001–SY019 are the bundle's (what the keeper sees
/// when an import is refused), SY02x the card's, SY03x the canonical encoding's, SY04x an event's,
/// SY05x a bundle body's, SY06x a chain's, SY07x a private key file's.
/// </summary>
public static class SyncCodes
{
    /// <summary>A result that was never set (the <c>default</c> of <see cref="SyncResult{T}"/>): a programming error surfaced as a failure.</summary>
    public const string NoResult = "SY000";

    /// <summary>Too short to be a bundle (a finder's bundle has no marker, so size is all that tells).</summary>
    public const string NotABundle = "SY001";

    /// <summary>Sealed to this node, but in a bundle format version this build does not read.</summary>
    public const string UnsupportedVersion = "SY002";

    /// <summary>Shorter than its sealed header says: cut off (or the final chunk is missing).</summary>
    public const string Truncated = "SY003";

    /// <summary>A chunk or the header failed authentication: changed after sealing.</summary>
    public const string Tampered = "SY004";

    /// <summary>Every chunk is genuine but one stands at another chunk's place.</summary>
    public const string ChunksReordered = "SY005";

    /// <summary>Not sealed to this node (or not a Yalu bundle at all: the two look alike on purpose).</summary>
    public const string WrongRecipient = "SY006";

    /// <summary>Sealed by a node this node does not trust (never trusted, or revoked).</summary>
    public const string UnknownSender = "SY007";

    /// <summary>The sender's signature inside the bundle does not verify.</summary>
    public const string BadSenderSignature = "SY008";

    /// <summary>Bytes after the bundle's final chunk.</summary>
    public const string TrailingBytes = "SY009";

    /// <summary>The authenticated content is malformed (a sender's bug: it was sealed that way).</summary>
    public const string MalformedContent = "SY010";

    /// <summary>The body does not belong to this exchange (its from/to do not match the bundle's sender and recipient).</summary>
    public const string BodyMismatch = "SY011";

    /// <summary>A card's text is malformed (armour lines, base64, header lines).</summary>
    public const string CardText = "SY020";

    /// <summary>A card's bytes are malformed (version, fields, lengths).</summary>
    public const string CardBytes = "SY021";

    /// <summary>A card's self-signature does not verify.</summary>
    public const string CardSignature = "SY022";

    /// <summary>A card's name or side is not allowed, or a key is not a valid public key.</summary>
    public const string CardField = "SY023";

    /// <summary>Text that should be a node id (32 hex digits) is not.</summary>
    public const string NodeIdText = "SY024";

    /// <summary>Canonical encoding: fewer bytes than a field needs.</summary>
    public const string EndOfData = "SY030";

    /// <summary>Canonical encoding: a value encoded in a non-canonical way (overlong length, bool not 0/1, bad UTF-8).</summary>
    public const string NonCanonical = "SY031";

    /// <summary>Canonical encoding: a value out of its range (length above its limit, count above what the bytes can hold).</summary>
    public const string OutOfRange = "SY032";

    /// <summary>Canonical encoding: bytes left over after the value.</summary>
    public const string TrailingData = "SY033";

    /// <summary>An event's bytes are malformed.</summary>
    public const string EventBytes = "SY040";

    /// <summary>A bundle body's bytes are malformed.</summary>
    public const string BodyBytes = "SY050";

    /// <summary>A chain: an event of another node.</summary>
    public const string ChainWrongNode = "SY060";

    /// <summary>A chain: an event whose signature does not verify.</summary>
    public const string ChainBadSignature = "SY061";

    /// <summary>A chain: an event whose previous-event hash is not the hash of the event before it.</summary>
    public const string ChainWrongPrevHash = "SY062";

    /// <summary>A chain: sequence numbers skip one or more events.</summary>
    public const string ChainGap = "SY063";

    /// <summary>A chain: a sequence number repeats or goes back.</summary>
    public const string ChainDuplicate = "SY064";

    /// <summary>A private key file is malformed.</summary>
    public const string PrivateKey = "SY070";
}
