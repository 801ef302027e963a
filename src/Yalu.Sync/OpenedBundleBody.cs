namespace Yalu.Sync;

/// <summary>A bundle that authenticated and whose body decoded and belongs to this exchange.</summary>
/// <param name="Sender">The sender's card.</param>
/// <param name="Body">The decoded body (events not yet chain-checked: that is <see cref="EventChain.Verify"/>'s).</param>
/// <param name="BodyBytes">The body's bytes as sealed.</param>
public sealed record OpenedBundleBody(NodeCard Sender, BundleBody Body, byte[] BodyBytes);
