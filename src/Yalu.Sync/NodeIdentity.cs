using System.Security.Cryptography;
using NSec.Cryptography;

namespace Yalu.Sync;

/// <summary>
/// A node's own keys: the Ed25519 key that signs its events, bundles and card, and the X25519 key
/// bundles for it are sealed to, with the public <see cref="Card"/> they make. The private keys leave
/// only through <see cref="ExportPrivate"/> (for the key file beside the database, mode 0600) and are
/// never formatted: <see cref="ToString"/> shows the card. Dispose to free the keys' memory.
/// Thread-safe for signing and opening.
/// </summary>
public sealed class NodeIdentity : IDisposable
{
    /// <summary>The private key file's first four bytes.</summary>
    private static ReadOnlySpan<byte> Magic => "YLKY"u8;

    private const byte KeyFormatVersion = 1;
    private const int ChecksumBytes = 16;

    private readonly Key _signing;
    private readonly Key _agreement;

    private NodeIdentity(Key signing, Key agreement, string name, string side)
    {
        _signing = signing;
        _agreement = agreement;
        Card = NodeCard.Create(name, side, signing, agreement);
    }

    /// <summary>The node's public card.</summary>
    public NodeCard Card { get; }

    /// <summary>The node's id (<see cref="NodeCard.NodeId"/>).</summary>
    public NodeId NodeId => Card.NodeId;

    internal Key AgreementKey => _agreement;

    /// <summary>
    /// A new node with fresh keys from the operating system's random source. Throws for a name
    /// <see cref="NodeCard.CheckName"/> refuses or a side other than "hyesan" and "changbai".
    /// </summary>
    public static NodeIdentity Create(string name, string side)
    {
        var signing = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var agreement = Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        try
        {
            return new NodeIdentity(signing, agreement, name, side);
        }
        catch
        {
            signing.Dispose();
            agreement.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A node from known private keys (the Ed25519 seed and the X25519 private key, 32 bytes each):
    /// the tests' and the fuzzer's fixed nodes. A real node's keys come from <see cref="Create"/>.
    /// </summary>
    internal static NodeIdentity FromPrivateKeys(string name, string side, ReadOnlySpan<byte> signingSeed, ReadOnlySpan<byte> agreementKey)
    {
        var creation = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        var signing = Key.Import(SignatureAlgorithm.Ed25519, signingSeed, KeyBlobFormat.RawPrivateKey, creation);
        var agreement = Key.Import(KeyAgreementAlgorithm.X25519, agreementKey, KeyBlobFormat.RawPrivateKey, creation);
        return new NodeIdentity(signing, agreement, name, side);
    }

    /// <summary>Signs exactly <paramref name="data"/> with the node's Ed25519 key: 64 bytes.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_signing, data);

    internal void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => SignatureAlgorithm.Ed25519.Sign(_signing, data, signature);

    /// <summary>
    /// The private key file's bytes: "YLKY", a version, the name and side, the Ed25519 seed and the
    /// X25519 private key (32 bytes each), and a 16-byte SHA-256 check over all that, so a damaged
    /// file is refused instead of becoming another node. Whoever holds these bytes is this node:
    /// write them with mode 0600 and wipe the array after use.
    /// </summary>
    public byte[] ExportPrivate()
    {
        var writer = new CanonicalWriter(192);
        writer.WriteFixed(Magic);
        writer.WriteByte(KeyFormatVersion);
        writer.WriteString(Card.Name);
        writer.WriteString(Card.Side);
        Span<byte> secret = stackalloc byte[32];
        try
        {
            if (!_signing.TryExport(KeyBlobFormat.RawPrivateKey, secret, out int n) || n != 32) throw new CryptographicException("the signing key cannot be exported");
            writer.WriteFixed(secret);
            if (!_agreement.TryExport(KeyBlobFormat.RawPrivateKey, secret, out n) || n != 32) throw new CryptographicException("the agreement key cannot be exported");
            writer.WriteFixed(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
        writer.WriteFixed(Checksum(writer.WrittenSpan));
        var blob = writer.ToArray();
        writer.Wipe();
        return blob;
    }

    /// <summary>Reads <see cref="ExportPrivate"/>'s bytes back; errors as values (code SY070), never the key bytes in a message.</summary>
    public static SyncResult<NodeIdentity> ImportPrivate(ReadOnlySpan<byte> data)
    {
        var reader = new CanonicalReader(data, "private key file", SyncCodes.PrivateKey);
        var magic = reader.ReadFixed(Magic.Length, "magic");
        if (reader.Error is null && !magic.SequenceEqual(Magic))
            return SyncResult.Fail<NodeIdentity>(SyncCodes.PrivateKey, "not a Yalu private key file (it does not start with YLKY)");
        byte version = reader.ReadByte("version");
        if (reader.Error is null && version != KeyFormatVersion)
            return SyncResult.Fail<NodeIdentity>(SyncCodes.PrivateKey, $"private key file version {version} is not supported (this build reads version {KeyFormatVersion})");
        string name = reader.ReadString("name", NodeCard.MaxNameBytes);
        string side = reader.ReadString("side", 16);
        var signingSeed = reader.ReadFixed(32, "signing key");
        var agreementSecret = reader.ReadFixed(32, "agreement key");
        int checkedLength = reader.Position;
        var checksum = reader.ReadFixed(ChecksumBytes, "check");
        var result = reader.Finish(0);
        if (!result.Success) return SyncResult.Fail<NodeIdentity>(SyncCodes.PrivateKey, result.Error.Message);
        if (!CryptographicOperations.FixedTimeEquals(checksum, Checksum(data[..checkedLength])))
            return SyncResult.Fail<NodeIdentity>(SyncCodes.PrivateKey, "the private key file is damaged (its check does not match)");
        if (NodeCard.CheckName(name) is { } nameError) return SyncResult.Fail<NodeIdentity>(SyncCodes.PrivateKey, $"private key file: {nameError}");
        if (!NodeSides.IsValid(side)) return SyncResult.Fail<NodeIdentity>(SyncCodes.PrivateKey, $"private key file: side \"{side}\" is not \"hyesan\" or \"changbai\"");

        Key? signing = null, agreement = null;
        try
        {
            if (!Key.TryImport(SignatureAlgorithm.Ed25519, signingSeed, KeyBlobFormat.RawPrivateKey, out signing, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }) || signing is null)
                return SyncResult.Fail<NodeIdentity>(SyncCodes.PrivateKey, "private key file: the signing key is not an Ed25519 private key");
            if (!Key.TryImport(KeyAgreementAlgorithm.X25519, agreementSecret, KeyBlobFormat.RawPrivateKey, out agreement, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }) || agreement is null)
                return SyncResult.Fail<NodeIdentity>(SyncCodes.PrivateKey, "private key file: the agreement key is not an X25519 private key");
            var identity = new NodeIdentity(signing, agreement, name, side);
            signing = agreement = null;
            return SyncResult.Ok(identity);
        }
        finally
        {
            signing?.Dispose();
            agreement?.Dispose();
        }
    }

    private static byte[] Checksum(ReadOnlySpan<byte> data)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(SyncLabels.PrivateKeyChecksum);
        hash.AppendData(data);
        return hash.GetHashAndReset()[..ChecksumBytes];
    }

    /// <summary>Frees the keys.</summary>
    public void Dispose()
    {
        _signing.Dispose();
        _agreement.Dispose();
    }

    /// <summary>The card's summary; never a key.</summary>
    public override string ToString() => Card.ToString();
}
