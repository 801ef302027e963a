using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Yalu.Sync;

public static partial class Bundle
{
    /// <summary>
    /// Opens a bundle sealed to <paramref name="self"/>: derives the keys, checks the recipient check,
    /// authenticates and decrypts every chunk, and only then reads the plaintext: the sender (looked up
    /// with <paramref name="trustedPeers"/>, which returns null for a node not trusted or revoked), the
    /// sender's signature, then the body (decompressed after the signature verified). Every rejection
    /// is a value with its SY0xx code (<see cref="SyncCodes"/>); never throws for bad bytes.
    /// </summary>
    public static SyncResult<OpenedBundle> Open(NodeIdentity self, Func<NodeId, NodeCard?> trustedPeers, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(trustedPeers);
        if (bytes.Length < MinBundleSize)
            return Fail(SyncCodes.NotABundle, $"{bytes.Length} bytes is too short for a bundle (at least {MinBundleSize}): not a bundle, or cut off near its start");

        var ephemeralPublic = bytes[..EphemeralSize];
        var check = bytes.Slice(EphemeralSize, CheckSize);
        Span<byte> masked = stackalloc byte[EphemeralSize];
        ephemeralPublic.CopyTo(masked);
        masked[^1] &= 0x7F; // the sender set the top bit at random (see SealInner)
        if (!PublicKey.TryImport(KeyAgreementAlgorithm.X25519, masked, KeyBlobFormat.RawPublicKey, out var ephemeral) || ephemeral is null)
            return WrongRecipient();
        using var shared = KeyAgreementAlgorithm.X25519.Agree(self.AgreementKey, ephemeral);
        if (shared is null) return WrongRecipient();

        Key? key = null;
        int version = 0;
        for (int v = 1; v <= MaxProbedVersion && key is null; v++)
        {
            var (candidateCheck, candidateKey) = DeriveKeys(shared, ephemeralPublic, self.Card.AgreementKey.Span, v);
            if (CryptographicOperations.FixedTimeEquals(candidateCheck, check))
            {
                key = candidateKey;
                version = v;
            }
            else
            {
                candidateKey.Dispose();
            }
        }
        if (key is null) return WrongRecipient();
        using (key)
        {
            if (version != FormatVersion)
                return Fail(SyncCodes.UnsupportedVersion, $"the bundle is sealed to this node in format version {version}; this build reads version {FormatVersion} (update Yalu)");
            var opened = Decrypt(key, bytes);
            if (!opened.Success) return opened.Cast<OpenedBundle>();
            return ReadInner(self, trustedPeers, ephemeralPublic, opened.Value);
        }
    }

    /// <summary>
    /// <see cref="Open"/>, then decodes the body and checks that it is from the bundle's sender to
    /// <paramref name="self"/> (SY011 otherwise).
    /// </summary>
    public static SyncResult<OpenedBundleBody> OpenBody(NodeIdentity self, Func<NodeId, NodeCard?> trustedPeers, ReadOnlySpan<byte> bytes)
    {
        var opened = Open(self, trustedPeers, bytes);
        if (!opened.Success) return opened.Cast<OpenedBundleBody>();
        var body = BundleBody.Decode(opened.Value.Body);
        if (!body.Success)
            return SyncResult.Fail<OpenedBundleBody>(body.Error.Code, $"the bundle from {opened.Value.Sender.Name} opened, but its body is malformed: {body.Error.Message}");
        if (body.Value.From != opened.Value.Sender.NodeId || body.Value.To != self.NodeId)
            return SyncResult.Fail<OpenedBundleBody>(SyncCodes.BodyMismatch,
                $"the bundle from {opened.Value.Sender.Name} carries a body from {body.Value.From} to {body.Value.To}, not from {opened.Value.Sender.NodeId} to this node {self.NodeId}");
        return SyncResult.Ok(new OpenedBundleBody(opened.Value.Sender, body.Value, opened.Value.Body));
    }

    private static SyncResult<byte[]> Decrypt(Key key, ReadOnlySpan<byte> bytes)
    {
        Span<byte> nonce = stackalloc byte[Aead.NonceSize];
        Span<byte> header = stackalloc byte[HeaderPlainSize];
        HeaderNonce(nonce);
        if (!Aead.Decrypt(key, nonce, bytes[..(EphemeralSize + CheckSize)], bytes.Slice(EphemeralSize + CheckSize, HeaderPlainSize + TagSize), header))
            return SyncResult.Fail<byte[]>(SyncCodes.Tampered, "the bundle's sealed header failed authentication: the bundle was changed after sealing");
        long chunkSize = BinaryPrimitives.ReadUInt32BigEndian(header);
        long count = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        ulong innerLength = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
        if (chunkSize < MinChunkSize || chunkSize > MaxChunkSize || innerLength > (ulong)Array.MaxLength
            || count != ChunkCount((long)innerLength, (int)chunkSize))
            return SyncResult.Fail<byte[]>(SyncCodes.MalformedContent, $"the bundle's sealed header is inconsistent (chunk size {chunkSize}, {count} chunks, {innerLength} bytes): the sender's bug");
        long expected = HeaderSize + (long)innerLength + count * TagSize;
        if (bytes.Length < expected)
            return SyncResult.Fail<byte[]>(SyncCodes.Truncated, $"the bundle is cut off: {bytes.Length} bytes of the {expected} its sealed header announces");
        if (bytes.Length > expected)
            return SyncResult.Fail<byte[]>(SyncCodes.TrailingBytes, $"{bytes.Length - expected} bytes were appended after the bundle's final chunk (it should be {expected} bytes)");

        var inner = new byte[innerLength];
        int plainSize = (int)chunkSize;
        for (int i = 0; i < count; i++)
        {
            int length = (int)Math.Min(chunkSize, (long)innerLength - i * chunkSize);
            var cipher = bytes.Slice(HeaderSize + i * (plainSize + TagSize), length + TagSize);
            var plain = inner.AsSpan(i * plainSize, length);
            ChunkNonce(nonce, i, i == count - 1);
            if (Aead.Decrypt(key, nonce, header, cipher, plain)) continue;
            CryptographicOperations.ZeroMemory(inner);
            for (int j = 0; j < count; j++)
            {
                ChunkNonce(nonce, j, j == count - 1);
                if (j != i && Aead.Decrypt(key, nonce, header, cipher, plain))
                {
                    CryptographicOperations.ZeroMemory(plain);
                    return SyncResult.Fail<byte[]>(SyncCodes.ChunksReordered, $"the bundle's chunks are out of order: chunk {j + 1} of {count} stands in place {i + 1}");
                }
            }
            return SyncResult.Fail<byte[]>(SyncCodes.Tampered, $"chunk {i + 1} of {count} failed authentication: the bundle was changed after sealing");
        }
        return SyncResult.Ok(inner);
    }

    private static SyncResult<OpenedBundle> ReadInner(NodeIdentity self, Func<NodeId, NodeCard?> trustedPeers, ReadOnlySpan<byte> ephemeralPublic, byte[] inner)
    {
        var reader = new CanonicalReader(inner, "bundle content", SyncCodes.MalformedContent);
        var from = reader.ReadNodeId("sender");
        var to = reader.ReadNodeId("recipient");
        byte encoding = reader.ReadByte("encoding");
        if (reader.Error is null && encoding is not (EncodingRaw or EncodingBrotli))
            reader.Fail("encoding", $"unknown body encoding {encoding}");
        int bodyLength = reader.ReadLength("body length", MaxBodyBytes);
        var stored = reader.ReadBytes("body", MaxBodyBytes);
        if (reader.Error is null && encoding == EncodingRaw && stored.Length != bodyLength)
            reader.Fail("body", $"{stored.Length} bytes stored for a body of {bodyLength}");
        int signedLength = reader.Position;
        var signature = reader.ReadFixed(SignatureSize, "signature");
        var structure = reader.Finish(0);
        if (!structure.Success)
            return Fail(SyncCodes.MalformedContent, $"the bundle authenticated but its content is malformed (the sender's bug): {structure.Error.Message}");
        if (to != self.NodeId)
            return Fail(SyncCodes.WrongRecipient, $"the bundle is sealed to this node's key but addressed to node {to}, not {self.NodeId}");

        var sender = trustedPeers(from);
        if (sender is null || sender.NodeId != from)
            return Fail(SyncCodes.UnknownSender, $"the bundle is from node {from}, which this node does not trust (never trusted, or revoked): trust its card first");
        if (!sender.Verify(SignedContent(self.NodeId, ephemeralPublic, inner.AsSpan(0, signedLength)), signature))
            return Fail(SyncCodes.BadSenderSignature, $"the bundle claims to be from {sender.Name} ({from}) but its signature does not verify with that node's key");

        byte[] body;
        if (encoding == EncodingRaw)
        {
            body = stored.ToArray();
        }
        else
        {
            body = new byte[bodyLength];
            if (!BrotliDecoder.TryDecompress(stored, body, out int written) || written != bodyLength)
                return Fail(SyncCodes.MalformedContent, $"the body from {sender.Name} does not decompress to the {bodyLength} bytes announced (the sender's bug)");
        }
        CryptographicOperations.ZeroMemory(inner);
        return SyncResult.Ok(new OpenedBundle(sender, body));
    }

    private static SyncResult<OpenedBundle> WrongRecipient() =>
        Fail(SyncCodes.WrongRecipient, "the bundle is not sealed to this node (it is for another node, or it is not a Yalu bundle: the two cannot be told apart)");

    private static SyncResult<OpenedBundle> Fail(string code, string message) => SyncResult.Fail<OpenedBundle>(code, message);
}
