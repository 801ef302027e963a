using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>Accessibility violations found on each page checked, by impact. Thread-safe.</summary>
public sealed class AxeReport
{
    /// <summary>The impacts axe-core reports, least severe first.</summary>
    public static IReadOnlyList<string> Impacts { get; } = ["minor", "moderate", "serious", "critical"];

    private readonly ConcurrentDictionary<string, AxeResult> _pages = new(StringComparer.Ordinal);

    /// <summary>How many pages were checked.</summary>
    public int Count => _pages.Count;

    /// <summary>Records the result of one page (a later check of the same page replaces it).</summary>
    public void Add(string page, AxeResult result) => _pages[page] = result;

    /// <summary>A table: page, then violated rules per impact, then the rules' ids.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# axe-core results per page").AppendLine()
            .AppendLine("| page | passes | minor | moderate | serious | critical | rules violated |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (page, result) in _pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {page} | {result.Passes} |");
            foreach (string impact in Impacts) text.Append(CultureInfo.InvariantCulture, $" {result.Violations.Count(v => v.Impact == impact)} |");
            text.Append(' ').Append(string.Join(", ", result.Violations.Select(v => $"{v.Id} ({v.Impact}, {v.Nodes})"))).AppendLine(" |");
        }
        return text.ToString();
    }
}
