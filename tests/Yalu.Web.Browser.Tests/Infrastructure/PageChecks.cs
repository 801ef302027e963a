using System.Globalization;
using Microsoft.Playwright;
using Xunit;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>What every page goes through: its first-load weight, axe-core, and screenshots at a phone's and a desktop's size.</summary>
public static class PageChecks
{
    /// <summary>The two screens every page is photographed on: a 240×320 keypad phone and a 1280×800 desktop.</summary>
    public static IReadOnlyList<(int Width, int Height)> Screens { get; } = [(240, 320), (1280, 800)];

    /// <summary>Where screenshots go.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(BrowserMarket.OutputDirectory, "screenshots");

    /// <summary>
    /// Loads <paramref name="path"/> in a fresh page of <paramref name="context"/> (whose cache must be
    /// empty) and measures what went over the wire until the network was idle.
    /// </summary>
    public static async Task<(IPage Page, PageWeight Weight)> LoadAndWeighAsync(IBrowserContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) =>
        {
            lock (finished) finished.Add(request);
        };
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET {path}: {response?.Status}");
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // A page that polls never goes quiet; what loaded by now is its first load.
        }
        long transferred = 0, bodies = 0, decoded = 0, largestSize = -1;
        string largest = "";
        List<IRequest> requests;
        lock (finished) requests = [.. finished];
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            var r = await request.ResponseAsync();
            long body = Math.Max(0, sizes.ResponseBodySize);
            transferred += Math.Max(0, sizes.ResponseHeadersSize) + body;
            bodies += body;
            if (r is not null && r.Status is >= 200 and < 300 && request.Method == "GET")
            {
                try
                {
                    decoded += (await r.BodyAsync()).Length;
                }
                catch (PlaywrightException)
                {
                    // A body the browser already dropped (a redirect, a navigation away): counted as sent.
                }
            }
            if (body > largestSize)
            {
                largestSize = body;
                largest = string.Create(CultureInfo.InvariantCulture, $"{new Uri(request.Url).AbsolutePath} {body:N0}");
            }
        }
        return (page, new PageWeight(requests.Count, transferred, bodies, decoded, largest));
    }

    /// <summary>Screenshots of the whole page at both sizes, named <paramref name="name"/>-WxH.png; the viewport is put back after.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var before = page.ViewportSize;
        foreach (var (width, height) in Screens)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotDirectory, string.Create(CultureInfo.InvariantCulture, $"{name}-{width}x{height}.png")),
                FullPage = true,
            });
        }
        if (before is not null) await page.SetViewportSizeAsync(before.Width, before.Height);
    }

    /// <summary>
    /// Weighs the first load of <paramref name="path"/>, checks it with axe-core at both sizes,
    /// photographs it, records both results on the market, and fails on a page over the weight budget
    /// or with a serious or critical accessibility violation.
    /// </summary>
    public static async Task<IPage> CheckAsync(BrowserMarket market, IBrowserContext context, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(market);
        var (page, weight) = await LoadAndWeighAsync(context, path);
        market.Weights.Add(name, weight);
        var blocking = new List<string>();
        foreach (var (width, height) in Screens)
        {
            await page.SetViewportSizeAsync(width, height);
            var result = await Axe.CheckAsync(page);
            string key = string.Create(CultureInfo.InvariantCulture, $"{name} ({width}x{height})");
            market.Axe.Add(key, result);
            blocking.AddRange(result.Blocking.Select(v => $"{key}: {v.Id} ({v.Impact}, {v.Nodes}×): {v.Help} — {v.Targets}"));
        }
        await ScreenshotAsync(page, name);
        string text = await page.Locator("body").InnerTextAsync();
        Assert.False(text.Contains("[[", StringComparison.Ordinal), $"{name} shows a string with no translation: {text}");
        Assert.True(weight.Transferred < PageWeightReport.Budget,
            $"{name} ({path}) weighs {weight.Transferred:N0} bytes over the wire on first load, over the {PageWeightReport.Budget:N0}-byte budget; largest: {weight.Largest}");
        Assert.True(blocking.Count == 0, "serious or critical accessibility violations:\n" + string.Join('\n', blocking));
        return page;
    }
}
