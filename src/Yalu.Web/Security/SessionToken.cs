using System.Security.Cryptography;
using System.Text;

namespace Yalu.Web.Security;

/// <summary>
/// Session tokens: 256 random bits, given to the browser once as base64url; only their SHA-256 is
/// stored, so a copy of the database lets nobody log in. Revoking a session deletes its hash.
/// </summary>
public static class SessionToken
{
    /// <summary>A new token (43 base64url characters).</summary>
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored for <paramref name="token"/>: its SHA-256, base64url.</summary>
    public static string StoredForm(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
