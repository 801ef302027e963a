using Microsoft.Playwright;
using Xunit;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>Driving a page with keys only, as on a keypad phone: Tab to move, Enter to follow or press, digits and letters to type.</summary>
public static class Keypad
{
    /// <summary>
    /// Presses Tab until the focused element's visible text or label contains <paramref name="text"/>
    /// (at most <paramref name="limit"/> presses), and returns how many it took.
    /// </summary>
    public static async Task<int> TabToAsync(IPage page, string text, int limit = 80)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (int presses = 1; presses <= limit; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            string focused = await page.EvaluateAsync<string>("""
                () => { const e = document.activeElement; if (!e) return '';
                  const label = e.labels && e.labels.length ? e.labels[0].innerText : '';
                  return (e.innerText || '') + ' ' + (e.getAttribute('aria-label') || '') + ' ' + label; }
                """);
            if (focused.Contains(text, StringComparison.OrdinalIgnoreCase)) return presses;
        }
        Assert.Fail($"no focusable element with '{text}' within {limit} Tab presses on {page.Url}");
        return limit;
    }

    /// <summary>Runs <paramref name="action"/> (a click or a key that submits or follows a link) and waits until the next page has loaded.</summary>
    public static async Task NavigateAsync(IPage page, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(action);
        // Mark the page that is shown now; the next one is there when the mark is gone and it has loaded.
        await page.EvaluateAsync("() => { window.__yaluOld = true; }");
        await action();
        await page.WaitForFunctionAsync("() => !window.__yaluOld && document.readyState === 'complete'");
    }

    /// <summary>Tabs to <paramref name="text"/> and presses Enter, then waits for the page it leads to.</summary>
    public static async Task<int> ActivateAsync(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        int presses = await TabToAsync(page, text);
        await NavigateAsync(page, () => page.Keyboard.PressAsync("Enter"));
        return presses + 1;
    }
}
