using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>The first-load weight of each page measured. Thread-safe.</summary>
public sealed class PageWeightReport
{
    /// <summary>The most a page's first load may weigh over the wire: 60 KB.</summary>
    public const long Budget = 60 * 1000;

    private readonly ConcurrentDictionary<string, PageWeight> _pages = new(StringComparer.Ordinal);

    /// <summary>How many pages were measured.</summary>
    public int Count => _pages.Count;

    /// <summary>Records one page (a later measurement of the same page replaces it).</summary>
    public void Add(string page, PageWeight weight) => _pages[page] = weight;

    /// <summary>A table: page, requests, bytes over the wire (headers and compressed bodies), uncompressed bodies.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# First-load weight per page (empty cache)").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Budget: {Budget:N0} bytes over the wire, compressed.").AppendLine()
            .AppendLine("| page | requests | over the wire (bytes) | bodies as sent | bodies decoded | largest |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var (page, w) in _pages.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"| {page} | {w.Requests} | {w.Transferred:N0} | {w.Bodies:N0} | {w.Decoded:N0} | {w.Largest} |");
        return text.ToString();
    }
}
