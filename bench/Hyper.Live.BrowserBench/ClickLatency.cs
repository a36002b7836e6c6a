using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;

namespace Hyper.Live.BrowserBench;

/// <summary>
/// One page's measurement: clicks a button over and over and times, inside the page, from the
/// click's dispatch (<c>performance.now()</c>) to the MutationObserver callback that first sees
/// the expected text in the changed element; counts the WebSocket payload bytes meanwhile.
/// </summary>
internal static class ClickLatency
{
    // Runs entirely in the page, so no Playwright round trip is timed. Waits for the previous
    // click's lock (phx-click-loading) to clear and one macrotask before the next click, as a
    // user never clicks while the last patch is still being applied, and starts clicks at least
    // 25 ms apart: the server allows a socket 50 events a second (HyperLiveOptions.EventRateLimit).
    private const string Script = """
        async ({ button, kind, rows, clicks, warmup }) => {
          const root = document.querySelector("[data-phx-main]");
          const expected = n => kind === "counter" ? ["count", String(n)] : [`v-${n * 37 % rows}`, String(100000 + n)];
          const idle = () => new Promise(resolve => setTimeout(resolve, 0));
          const click = n => new Promise((resolve, reject) => {
            const [id, text] = expected(n);
            let start = 0;
            const observer = new MutationObserver(() => {
              if (document.getElementById(id)?.textContent === text) {
                const end = performance.now();
                observer.disconnect();
                clearTimeout(timer);
                resolve(end - start);
              }
            });
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`click ${n}: #${id} never showed ${text}`)); }, 10000);
            observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
            start = performance.now();
            document.querySelector(button).click();
          });
          const times = [];
          let last = -Infinity;
          for (let n = 1; n <= warmup + clicks; n++) {
            while (document.querySelector(button).classList.contains("phx-click-loading")) await idle();
            await idle();
            while (performance.now() - last < 25) await idle();
            last = performance.now();
            const ms = await click(n);
            if (n > warmup) times.push(ms);
          }
          return times;
        }
        """;

    /// <summary>Loads <paramref name="path"/> in a fresh page, waits for the join, then clicks.</summary>
    public static async Task<PageResult> MeasureAsync(IBrowser browser, Uri baseAddress, string name, string path, string button, string kind, int rows, BenchOptions options)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var page = await context.NewPageAsync();
        var wire = new WireCounter();
        page.WebSocket += (_, socket) => wire.Attach(socket);

        await page.GotoAsync(path);
        await page.Locator("#status").WaitForAsync();
        await page.WaitForFunctionAsync("document.querySelector('#status')?.textContent === 'interactive'");
        var join = wire.Take();

        var times = await page.EvaluateAsync<double[]>(Script, new { button, kind, rows, clicks = options.Clicks, warmup = options.Warmup });
        // Frame events arrive over the driver's connection after the page saw the patch.
        await Task.Delay(500);
        var clicks = wire.Take();
        return new PageResult(name, times, join.Down, Deflated(join.DownText), (clicks.Up + clicks.Down) / (double)(options.Clicks + options.Warmup));
    }

    /// <summary>
    /// What per-message deflate would put on the wire for <paramref name="text"/> as a socket's
    /// first message: raw deflate at zlib's default level, as ASP.NET Core's deflater uses.
    /// </summary>
    private static int Deflated(string text)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(text));
        }

        return (int)output.Length;
    }
}
