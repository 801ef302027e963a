namespace Yalu.Sync;

/// <summary>A bundle that authenticated: its trusted sender's card and the body bytes it sealed.</summary>
/// <param name="Sender">The sender's card, as the trusted-peers lookup gave it.</param>
/// <param name="Body">The body's bytes, exactly as sealed (for <see cref="BundleBody.Decode"/>).</param>
public sealed record OpenedBundle(NodeCard Sender, byte[] Body);
