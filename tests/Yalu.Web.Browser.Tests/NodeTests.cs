using Xunit;
using Yalu.Web.Browser.Tests.Infrastructure;

namespace Yalu.Web.Browser.Tests;

/// <summary>The harness itself: Debian's chromium reaches the node on its real port, and axe-core runs under the pages' CSP.</summary>
[Collection(BrowserGroup.Name)]
public sealed class NodeTests(BrowserMarket market)
{
    [Fact]
    public async Task Chromium_reaches_the_node_on_a_real_port_and_reads_the_OpenAPI_document()
    {
        Assert.StartsWith("http://127.0.0.1:", market.BaseAddress, StringComparison.Ordinal);
        await using var context = await market.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/openapi/v1.json");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("\"openapi\"", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("chromium", market.Browser.BrowserType.Name);
    }

    [Fact]
    public async Task Axe_from_the_package_runs_under_the_pages_CSP_and_finds_a_planted_violation()
    {
        await using var context = await market.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");

        var clean = await Axe.CheckAsync(page);
        Assert.True(clean.Passes > 0, "axe-core ran no rule");
        Assert.Empty(clean.Blocking);
        // The check left the page's Content-Security-Policy in force: an inline script still does not run.
        Assert.False(await page.EvaluateAsync<bool>("""
            () => { const s = document.createElement('script'); s.textContent = 'window.__inline = true';
                    document.head.appendChild(s); return window.__inline === true; }
            """));

        await page.EvaluateAsync("""
            () => { const i = document.createElement('img'); i.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
                    document.querySelector('main').appendChild(i); }
            """);
        var planted = await Axe.CheckAsync(page);
        Assert.Contains(planted.Blocking, v => v.Id == "image-alt");
    }
}
