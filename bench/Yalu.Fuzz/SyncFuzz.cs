using System.Globalization;
using NSec.Cryptography;
using Yalu.Sync;

namespace Yalu.Fuzz;

/// <summary>
/// The three readers of bytes from another node (src/Yalu.Sync) under the fuzzer, with fixed keys so
/// that runs are reproducible and a seed sealed once opens every time.
/// <list type="bullet">
/// <item><c>card</c>: <see cref="NodeCard.Parse(ReadOnlySpan{byte})"/>, text or binary; a card that parses must give back its own bytes.</item>
/// <item><c>bundle-body</c>: <see cref="BundleBody.Decode"/>; a body that decodes must re-encode to the same bytes (canonical).</item>
/// <item><c>bundle</c>: the first byte picks what the rest is. 0: a whole bundle, opened as it is (afl mostly
/// learns that a bundle not sealed to us is refused at the recipient check: that is the design). Otherwise:
/// the plaintext inside a bundle, sealed here to the fixed recipient with a fixed ephemeral key (chunk size
/// 64 × that byte), then opened, so the fuzzer reaches the reader behind the authentication, which only a
/// forger who knows our public card could feed.</item>
/// </list>
/// Seeds are made, not stored: a <c>.card-seed</c>, <c>.bundle-seed</c> or <c>.body-seed</c> file in
/// bench/Yalu.Fuzz/seeds/READER holds <c>key=value</c> words (<see cref="Seed"/>) the seed is built from,
/// so the seeds follow the formats when they change.
/// </summary>
internal static class SyncFuzz
{
    private static readonly NodeIdentity Sender = NodeIdentity.FromPrivateKeys("fuzz sender", NodeSides.Hyesan, Fill(1), Fill(2));
    private static readonly NodeIdentity Recipient = NodeIdentity.FromPrivateKeys("fuzz recipient", NodeSides.Changbai, Fill(3), Fill(4));
    private static readonly Key Ephemeral = Key.Import(KeyAgreementAlgorithm.X25519, Fill(5), KeyBlobFormat.RawPrivateKey);

    private static byte[] Fill(byte value) => Enumerable.Repeat(value, 32).ToArray();

    private static NodeCard? Trusted(NodeId id) => id == Sender.NodeId ? Sender.Card : null;

    public static void Card(byte[] bytes)
    {
        var card = NodeCard.Parse(bytes);
        if (!Check(card)) return;
        if (bytes.AsSpan().StartsWith("YLCD"u8))
        {
            if (!card.Value.ToBytes().AsSpan().SequenceEqual(bytes)) Fail("a binary card parsed but its bytes differ from the input");
        }
        else if (!Equals(NodeCard.Parse(card.Value.ToText()).Value, card.Value))
        {
            Fail("a card's text parsed but its own text does not parse back to it");
        }
    }

    public static void Body(byte[] bytes)
    {
        var body = BundleBody.Decode(bytes);
        if (Check(body) && !body.Value.Encode().AsSpan().SequenceEqual(bytes))
            Fail("a body decoded from bytes that are not its canonical encoding");
    }

    public static void Bundle(byte[] bytes)
    {
        if (bytes.Length == 0) return;
        if (bytes[0] == 0)
        {
            Check(Yalu.Sync.Bundle.OpenBody(Recipient, Trusted, bytes.AsSpan(1)));
            return;
        }
        var inner = bytes[1..];
        var sealedBytes = Yalu.Sync.Bundle.SealInner(Recipient.Card, Ephemeral, 64 * bytes[0], Yalu.Sync.Bundle.FormatVersion, _ => inner);
        var opened = Yalu.Sync.Bundle.OpenBody(Recipient, Trusted, sealedBytes);
        if (Check(opened) && opened.Value.Sender != Sender.Card) Fail("a bundle opened with a sender that is not the trusted one");
    }

    /// <summary>
    /// Builds a seed from its spec file. Words: <c>form=text|binary</c> (card); <c>events=N payload=N acks=N</c>
    /// (body and bundle); <c>mode=sealed|content chunk=N compress=0|1</c> (bundle: a whole sealed bundle, or the plaintext for mode 1+, its body Brotli-compressed when <c>compress=1</c>).
    /// </summary>
    public static byte[] Seed(string path)
    {
        var spec = File.ReadAllText(path).Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        int Number(string key, int fallback) => spec.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        string Word(string key, string fallback) => spec.TryGetValue(key, out var v) ? v : fallback;

        if (path.EndsWith(".card-seed", StringComparison.Ordinal))
            return Word("form", "text") == "binary" ? Sender.Card.ToBytes() : System.Text.Encoding.UTF8.GetBytes(Sender.Card.ToText());

        var body = MakeBody(Number("events", 3), Number("payload", 40), Number("acks", 1)).Encode();
        if (path.EndsWith(".body-seed", StringComparison.Ordinal)) return body;
        int chunk = Number("chunk", 1024);
        if (Word("mode", "sealed") == "content")
        {
            byte[]? inner = null;
            Yalu.Sync.Bundle.SealInner(Recipient.Card, Ephemeral, chunk, Yalu.Sync.Bundle.FormatVersion, e =>
            {
                var compressed = Word("compress", "0") == "1" ? Yalu.Sync.Bundle.TryCompress(body) : null;
                var made = compressed is null
                    ? Yalu.Sync.Bundle.Inner(Sender, Recipient.NodeId, e, Yalu.Sync.Bundle.EncodingRaw, body.Length, body)
                    : Yalu.Sync.Bundle.Inner(Sender, Recipient.NodeId, e, Yalu.Sync.Bundle.EncodingBrotli, body.Length, compressed);
                inner = (byte[])made.Clone();
                return made;
            });
            return [(byte)(chunk / 64), .. inner!];
        }
        return [0, .. Yalu.Sync.Bundle.Seal(Sender, Recipient.Card, body, chunk)];
    }

    private static BundleBody MakeBody(int events, int payload, int acks)
    {
        var list = new List<SignedEvent>();
        var prev = SignedEvent.ZeroHash.ToArray();
        for (int i = 1; i <= events; i++)
        {
            var e = SignedEvent.Create(Sender, i, prev, DateTimeOffset.UnixEpoch.AddDays(i), "lot.posted", $"lot/{i}", new byte[payload]);
            list.Add(e);
            prev = e.Hash();
        }
        var ackList = acks > 0 ? new[] { new Ack(Recipient.NodeId, acks) } : [];
        return new BundleBody(Sender.NodeId, Recipient.NodeId, DateTimeOffset.UnixEpoch, list, ackList);
    }

    /// <summary>True for a value; for an error, checks it has a code and a message, and returns false.</summary>
    private static bool Check<T>(SyncResult<T> result)
    {
        if (result.Success) return true;
        if (result.Error.Code.Length != 5 || !result.Error.Code.StartsWith("SY", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(result.Error.Message))
            Fail($"an error without a proper code or message: {result.Error}");
        return false;
    }

    private static void Fail(string message) => throw new InvariantViolationException(message);
}
