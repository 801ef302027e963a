using NSec.Cryptography;
using Xunit;

namespace Yalu.Sync.Tests;

/// <summary>
/// Bundles no honest sender makes, sealed through <see cref="Bundle.SealInner"/>: anyone who has the
/// recipient's public card can seal to it, so what the plaintext claims must be checked after decryption.
/// </summary>
public sealed class ForgedBundleTests
{
    private static byte[] SealRaw(Func<byte[], byte[]> inner, int version = Bundle.FormatVersion)
    {
        using var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        return Bundle.SealInner(TestNodes.Changbai.Card, ephemeral, Bundle.DefaultChunkSize, version, inner);
    }

    private static SyncResult<OpenedBundle> Open(byte[] bundle) => Bundle.Open(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);

    [Fact]
    public void Stranger_claiming_to_be_a_trusted_peer_fails_the_sender_signature()
    {
        // The stranger writes Hyesan's id as the sender but can only sign with its own key.
        var bundle = SealRaw(e =>
        {
            var inner = Bundle.Inner(TestNodes.Stranger, TestNodes.Changbai.NodeId, e, Bundle.EncodingRaw, 3, [1, 2, 3]);
            TestNodes.Hyesan.NodeId.WriteTo(inner);
            return inner;
        });
        var opened = Open(bundle);
        Assert.False(opened.Success);
        Assert.Equal(SyncCodes.BadSenderSignature, opened.Error.Code);
        Assert.Contains("Hyesan market", opened.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plaintext_signed_for_another_ephemeral_key_fails_the_signature()
    {
        // Hyesan's genuine plaintext for one sealing, re-sealed under a new ephemeral key (a relay's trick).
        byte[]? first = null;
        SealRaw(e => { var inner = Bundle.Inner(TestNodes.Hyesan, TestNodes.Changbai.NodeId, e, Bundle.EncodingRaw, 2, [9, 9]); first = (byte[])inner.Clone(); return inner; });
        var resealed = SealRaw(_ => (byte[])first!.Clone());
        Assert.Equal(SyncCodes.BadSenderSignature, Open(resealed).Error?.Code);
    }

    [Fact]
    public void Bundle_addressed_to_another_node_inside_is_wrong_recipient()
    {
        var bundle = SealRaw(e => Bundle.Inner(TestNodes.Hyesan, TestNodes.Stranger.NodeId, e, Bundle.EncodingRaw, 1, [7]));
        Assert.Equal(SyncCodes.WrongRecipient, Open(bundle).Error?.Code);
    }

    [Fact]
    public void Newer_format_version_sealed_to_this_node_is_unsupported_version()
    {
        var bundle = SealRaw(e => Bundle.Inner(TestNodes.Hyesan, TestNodes.Changbai.NodeId, e, Bundle.EncodingRaw, 1, [7]), version: 2);
        var opened = Open(bundle);
        Assert.Equal(SyncCodes.UnsupportedVersion, opened.Error?.Code);
        Assert.Contains("version 2", opened.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Bundle.EncodingRaw, 4)]     // length says 4, 3 stored
    [InlineData(Bundle.EncodingBrotli, 3)]  // not Brotli at all
    [InlineData((byte)7, 3)]                // unknown encoding
    public void Malformed_content_is_refused_as_malformed(byte encoding, int length)
    {
        var bundle = SealRaw(e => Bundle.Inner(TestNodes.Hyesan, TestNodes.Changbai.NodeId, e, encoding, length, [1, 2, 3]));
        Assert.Equal(SyncCodes.MalformedContent, Open(bundle).Error?.Code);
    }

    [Fact]
    public void Body_from_someone_else_inside_a_genuine_bundle_is_body_mismatch()
    {
        var body = new BundleBody(TestNodes.Stranger.NodeId, TestNodes.Changbai.NodeId, DateTimeOffset.UnixEpoch, [], []);
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, body.Encode());
        var opened = Bundle.OpenBody(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);
        Assert.Equal(SyncCodes.BodyMismatch, opened.Error?.Code);
    }

    [Fact]
    public void Garbage_body_inside_a_genuine_bundle_is_a_body_error()
    {
        var bundle = Bundle.Seal(TestNodes.Hyesan, TestNodes.Changbai.Card, "not a body"u8);
        var opened = Bundle.OpenBody(TestNodes.Changbai, TestNodes.ChangbaiTrusts, bundle);
        Assert.False(opened.Success);
        Assert.StartsWith("SY0", opened.Error.Code, StringComparison.Ordinal);
        Assert.Contains("body is malformed", opened.Error.Message, StringComparison.Ordinal);
    }
}
