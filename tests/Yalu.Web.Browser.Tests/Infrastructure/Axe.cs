using System.Text.Json;
using Microsoft.Playwright;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (the npm package, <c>npm ci</c> in this project's folder) in a page. The script is
/// evaluated through the DevTools protocol rather than added as a script element, so the page's
/// Content-Security-Policy stays in force.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException("axe-core is missing: run `npm ci` in tests/Yalu.Web.Browser.Tests, then build again", path);
    });

    /// <summary>Checks the page as it is now against axe-core's WCAG 2.x A/AA and best-practice rules.</summary>
    public static async Task<AxeResult> CheckAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'],
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
              return { passes: r.passes.length, violations: r.violations.map(v => ({
                id: v.id, impact: v.impact || 'minor', help: v.help, nodes: v.nodes.length,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ') })) };
            }
            """);
        var violations = json.GetProperty("violations").EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            v.GetProperty("nodes").GetInt32(), v.GetProperty("targets").GetString()!)).ToList();
        return new AxeResult(json.GetProperty("passes").GetInt32(), violations);
    }
}
