using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Yalu.Storage;

namespace Yalu.Web.Hosting;

/// <summary>
/// The data-protection key ring in the market's database (<see cref="IDataProtectionKeyStore"/>), so
/// every node sharing the database reads and writes the same keys: an antiforgery token one node
/// puts in a form is accepted by the node the form is posted to. The framework's interface is
/// synchronous and called rarely (key ring loads, about daily, and key creation), so the store's
/// calls are waited on here. Key XML is secret: nothing here logs it.
/// </summary>
internal sealed class StoreXmlRepository(IDataProtectionKeyStore keys) : IXmlRepository
{
    /// <inheritdoc/>
    public IReadOnlyCollection<XElement> GetAllElements() =>
        keys.ListDataProtectionKeysAsync().GetAwaiter().GetResult().Select(x => XElement.Parse(x)).ToList();

    /// <inheritdoc/>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        keys.AddDataProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
