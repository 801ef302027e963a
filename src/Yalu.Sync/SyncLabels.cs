namespace Yalu.Sync;

/// <summary>
/// The fixed labels that start every hashed or signed input, so that a signature or hash made for one
/// purpose (a card, an event, a bundle) can never be taken for another. Each ends with a zero byte,
/// which no canonical encoding the labels precede starts with.
/// </summary>
internal static class SyncLabels
{
    public static ReadOnlySpan<byte> CardSignature => "yalu card v1\0"u8;
    public static ReadOnlySpan<byte> Fingerprint => "yalu fingerprint v1\0"u8;
    public static ReadOnlySpan<byte> EventSignature => "yalu event v1\0"u8;
    public static ReadOnlySpan<byte> BundleSignature => "yalu bundle signature v1\0"u8;
    public static ReadOnlySpan<byte> BundleSalt => "yalu bundle salt\0"u8;
    public static ReadOnlySpan<byte> PrivateKeyChecksum => "yalu private key v1\0"u8;

    /// <summary>The HKDF info of bundle format <paramref name="version"/>: a recipient can tell a newer version from a stranger's bundle.</summary>
    public static byte[] BundleKeys(int version) => System.Text.Encoding.ASCII.GetBytes($"yalu bundle keys v{version}\0");

    /// <summary><paramref name="label"/> followed by <paramref name="data"/>.</summary>
    public static byte[] Concat(ReadOnlySpan<byte> label, ReadOnlySpan<byte> data)
    {
        var all = new byte[label.Length + data.Length];
        label.CopyTo(all);
        data.CopyTo(all.AsSpan(label.Length));
        return all;
    }
}
