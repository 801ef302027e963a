namespace Yalu.Storage;

/// <summary>
/// ASP.NET Core data-protection key ring elements (keys and revocations, as the XML the framework
/// writes), kept in the database so that every node on it protects and unprotects with the same
/// keys. The XML holds secret key material: implementations never log it, never put it in the event
/// log, and callers must not either. Thread-safe.
/// </summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Every stored element's XML, oldest first.</summary>
    Task<IReadOnlyList<string>> ListDataProtectionKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores an element under <paramref name="friendlyName"/> (unique; a second element with the same name is ignored).</summary>
    Task AddDataProtectionKeyAsync(string friendlyName, string xml, CancellationToken cancellationToken = default);
}
