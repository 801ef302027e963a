using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Yalu.Sync;

/// <summary>
/// A node's public card: its name, its side of the river, its Ed25519 signing key and X25519 agreement
/// key, signed by itself. Keepers swap cards (by email, on paper, on the stick) and compare the
/// <see cref="Fingerprint"/> over the phone before trusting one. The self-signature proves only that
/// whoever made the card holds its signing key; trust comes from the fingerprint comparison.
/// Immutable and thread-safe. Binary layout and text form: docs/sync.md.
/// </summary>
public sealed partial class NodeCard : IEquatable<NodeCard>
{
    /// <summary>The binary card's first four bytes.</summary>
    internal static ReadOnlySpan<byte> Magic => "YLCD"u8;

    /// <summary>The card format this build writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The longest name, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 64;

    private const int MaxSideBytes = 16;
    private readonly byte[] _bytes;

    private NodeCard(byte[] bytes, string name, string side, PublicKey signing, PublicKey agreement, int signatureOffset)
    {
        _bytes = bytes;
        Name = name;
        Side = side;
        SigningPublicKey = signing;
        AgreementPublicKey = agreement;
        SigningKey = bytes.AsMemory(signatureOffset - 64, 32);
        AgreementKey = bytes.AsMemory(signatureOffset - 32, 32);
        SelfSignature = bytes.AsMemory(signatureOffset, 64);
        NodeId = NodeId.FromPublicKeys(SigningKey.Span, AgreementKey.Span);
        Fingerprint = MakeFingerprint(SigningKey.Span, AgreementKey.Span);
    }

    /// <summary>The node's name as its keeper chose it (1–64 UTF-8 bytes, no control characters, no outer spaces).</summary>
    public string Name { get; }

    /// <summary>"hyesan" or "changbai" (<see cref="NodeSides"/>).</summary>
    public string Side { get; }

    /// <summary>The Ed25519 public key (32 bytes) that signs the node's events, bundles and this card.</summary>
    public ReadOnlyMemory<byte> SigningKey { get; }

    /// <summary>The X25519 public key (32 bytes) bundles for this node are sealed to.</summary>
    public ReadOnlyMemory<byte> AgreementKey { get; }

    /// <summary>The Ed25519 signature (64 bytes) by <see cref="SigningKey"/> over the label "yalu card v1" and the card's bytes before it.</summary>
    public ReadOnlyMemory<byte> SelfSignature { get; }

    /// <summary>The node's id, derived from the two public keys.</summary>
    public NodeId NodeId { get; }

    /// <summary>
    /// What two keepers read to each other over the phone: eight groups of four digits
    /// ("0417 9923 …", about 106 bits), from SHA-256 over a label and the two public keys.
    /// </summary>
    public string Fingerprint { get; }

    internal PublicKey SigningPublicKey { get; }

    internal PublicKey AgreementPublicKey { get; }

    /// <summary>The binary card (see docs/sync.md); <see cref="Parse(ReadOnlySpan{byte})"/> reads it back.</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>Whether <paramref name="signature"/> is this node's Ed25519 signature over exactly <paramref name="data"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && SignatureAlgorithm.Ed25519.Verify(SigningPublicKey, data, signature);

    /// <summary>Builds and self-signs a card; the identity's own business.</summary>
    internal static NodeCard Create(string name, string side, Key signingKey, Key agreementKey)
    {
        if (CheckName(name) is { } nameError) throw new ArgumentException(nameError, nameof(name));
        if (!NodeSides.IsValid(side)) throw new ArgumentException($"side must be \"hyesan\" or \"changbai\", not \"{side}\"", nameof(side));
        var writer = new CanonicalWriter(256);
        writer.WriteFixed(Magic);
        writer.WriteByte(FormatVersion);
        writer.WriteString(name);
        writer.WriteString(side);
        writer.WriteFixed(signingKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        writer.WriteFixed(agreementKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        int signatureOffset = writer.Length;
        writer.WriteFixed(SignatureAlgorithm.Ed25519.Sign(signingKey, SyncLabels.Concat(SyncLabels.CardSignature, writer.WrittenSpan)));
        return new NodeCard(writer.ToArray(), name, side, signingKey.PublicKey, agreementKey.PublicKey, signatureOffset);
    }

    /// <summary>
    /// Reads a card from its binary form, or from its text form given as UTF-8 bytes (told apart by
    /// the first bytes). Checks every field and the self-signature; errors as values, never throws.
    /// </summary>
    public static SyncResult<NodeCard> Parse(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(Magic)) return FromBytes(data);
        if (data.Length > MaxTextChars * 4)
            return SyncResult.Fail<NodeCard>(SyncCodes.CardText, $"{data.Length} bytes is far longer than a card's text");
        if (!System.Text.Unicode.Utf8.IsValid(data))
            return SyncResult.Fail<NodeCard>(SyncCodes.CardText, "neither a binary card (it does not start with YLCD) nor a card's text (not UTF-8)");
        return Parse(Encoding.UTF8.GetString(data));
    }

    private static SyncResult<NodeCard> FromBytes(ReadOnlySpan<byte> data)
    {
        var reader = new CanonicalReader(data, "card", SyncCodes.CardBytes);
        reader.ReadFixed(Magic.Length, "magic");
        byte version = reader.ReadByte("version");
        if (reader.Error is null && version != FormatVersion)
            return SyncResult.Fail<NodeCard>(SyncCodes.CardBytes, $"card version {version} is not supported (this build reads version {FormatVersion})");
        int nameAt = reader.Position;
        string name = reader.ReadString("name", MaxNameBytes);
        if (reader.Error is null && CheckName(name) is { } nameError)
            return SyncResult.Fail<NodeCard>(SyncCodes.CardField, $"card, byte {nameAt}: name: {nameError}");
        int sideAt = reader.Position;
        string side = reader.ReadString("side", MaxSideBytes);
        if (reader.Error is null && !NodeSides.IsValid(side))
            return SyncResult.Fail<NodeCard>(SyncCodes.CardField, $"card, byte {sideAt}: side: \"{side}\" is not \"hyesan\" or \"changbai\"");
        var signingBytes = reader.ReadFixed(32, "signing key");
        var agreementBytes = reader.ReadFixed(32, "agreement key");
        int signatureOffset = reader.Position;
        var signature = reader.ReadFixed(64, "self-signature");
        var result = reader.Finish(0);
        if (!result.Success) return result.Cast<NodeCard>();

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, signingBytes, KeyBlobFormat.RawPublicKey, out var signing) || signing is null)
            return SyncResult.Fail<NodeCard>(SyncCodes.CardField, "card: the signing key is not an Ed25519 public key");
        if (!PublicKey.TryImport(KeyAgreementAlgorithm.X25519, agreementBytes, KeyBlobFormat.RawPublicKey, out var agreement) || agreement is null)
            return SyncResult.Fail<NodeCard>(SyncCodes.CardField, "card: the agreement key is not an X25519 public key");
        if (!SignatureAlgorithm.Ed25519.Verify(signing, SyncLabels.Concat(SyncLabels.CardSignature, data[..signatureOffset]), signature))
            return SyncResult.Fail<NodeCard>(SyncCodes.CardSignature, "card: the self-signature does not verify (the card was changed after it was made)");
        return SyncResult.Ok(new NodeCard(data.ToArray(), name, side, signing, agreement, signatureOffset));
    }

    /// <summary>Why <paramref name="name"/> cannot be a node's name, or null when it can.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "a node's name must not be empty";
        if (name.Trim() != name) return "a node's name must not start or end with a space";
        if (name.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
            return "a node's name must not contain control characters or line breaks";
        if (!IsValidUnicode(name)) return "a node's name must be valid Unicode (it has a lone surrogate)";
        int bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxNameBytes) return $"a node's name is at most {MaxNameBytes} UTF-8 bytes, this one is {bytes}";
        return null;
    }

    private static bool IsValidUnicode(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    private static string MakeFingerprint(ReadOnlySpan<byte> signing, ReadOnlySpan<byte> agreement)
    {
        Span<byte> input = stackalloc byte[SyncLabels.Fingerprint.Length + 64];
        SyncLabels.Fingerprint.CopyTo(input);
        signing.CopyTo(input[SyncLabels.Fingerprint.Length..]);
        agreement.CopyTo(input[(SyncLabels.Fingerprint.Length + 32)..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var groups = new string[8];
        for (int i = 0; i < 8; i++)
            groups[i] = (BinaryPrimitives.ReadUInt32BigEndian(hash[(i * 4)..]) % 10000).ToString("D4");
        return string.Join(' ', groups);
    }

    /// <summary>Cards are equal when their bytes are.</summary>
    public bool Equals(NodeCard? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NodeCard);

    /// <inheritdoc/>
    public override int GetHashCode() => NodeId.GetHashCode();

    /// <summary>"name (side, node id)"; never any key.</summary>
    public override string ToString() => $"{Name} ({Side}, {NodeId})";
}
