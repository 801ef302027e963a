namespace Yalu.Storage;

/// <summary>
/// What a store does about the node's identity when it opens: a database without one gets a new
/// identity (fresh Ed25519 and X25519 keys) with this name and side; a database with one keeps it,
/// unless <see cref="MustBeNew"/> asks for a fresh node (<c>yalu node init</c>), which then fails.
/// </summary>
/// <param name="Name">The node's name on its card (default "yalu").</param>
/// <param name="Side">"hyesan" or "changbai" (default "hyesan", the demo market's bank).</param>
/// <param name="MustBeNew">True to refuse a database that already has an identity.</param>
public sealed record NodeSetup(string Name, string Side, bool MustBeNew = false)
{
    /// <summary>A node's first start without <c>yalu node init</c>: "yalu" on the Hyesan bank, kept when it exists.</summary>
    public static NodeSetup FirstStart { get; } = new("yalu", "hyesan");
}
