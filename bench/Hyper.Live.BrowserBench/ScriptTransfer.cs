using Microsoft.Playwright;

namespace Hyper.Live.BrowserBench;

/// <summary>What the first load of a page costs for the client script, as Chromium fetched it.</summary>
internal sealed record ScriptTransfer(long BodyBytes, long DecodedBytes, string Encoding)
{
    /// <summary>Loads the counter page and reads the script response's sizes and encoding.</summary>
    public static async Task<ScriptTransfer> MeasureAsync(IBrowser browser, Uri baseAddress)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var page = await context.NewPageAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync("/bench/counter"),
            response => response.Url.Contains("/_hyper/live.js", StringComparison.Ordinal));
        var body = await response.BodyAsync();
        var sizes = await response.Request.SizesAsync();
        var encoding = await response.HeaderValueAsync("content-encoding") ?? "identity";
        return new ScriptTransfer(sizes.ResponseBodySize, body.Length, encoding);
    }
}
