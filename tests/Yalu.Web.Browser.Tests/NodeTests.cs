using Xunit;
using Yalu.Web.Browser.Tests.Infrastructure;

namespace Yalu.Web.Browser.Tests;

/// <summary>The harness itself: Debian's chromium reaches the node on its real port.</summary>
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
}
