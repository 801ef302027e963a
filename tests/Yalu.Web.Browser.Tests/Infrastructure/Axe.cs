using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core in a page through Deque.AxeCore.Playwright, which carries axe-core inside the
/// package (nothing to install from npm). The package evaluates axe-core through the DevTools
/// protocol rather than adding a script element, so the page's Content-Security-Policy stays in
/// force: no <c>BypassCSP</c> is needed.
/// </summary>
public static class Axe
{
    /// <summary>The rule tags checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.</summary>
    public static IReadOnlyList<string> Tags { get; } = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Checks the page as it is now against axe-core's WCAG 2.x A/AA and best-practice rules.</summary>
    public static async Task<AxeResult> CheckAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            ResultTypes = [ResultType.Violations],
        });
        var violations = result.Violations.Select(v => new AxeViolation(
            v.Id, v.Impact ?? "minor", v.Help, v.Nodes.Length,
            string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? "")))).ToList();
        return new AxeResult(result.Passes.Length, violations);
    }
}
