using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// <see cref="HyperLiveClientOptions"/> as the bundle applies them in Chromium: the reconnect schedule
/// (observed by refusing sockets and timing the attempts), giving up, auto-connect and the default
/// debounce. Settings other than the defaults are written into the served page, as the HTTP render
/// writes them (its side is tested in <c>ClientSettingsHttpTests</c>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClientSettingsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>
    /// Opens <paramref name="path"/> with <paramref name="json"/> as its client settings: written over the
    /// script tag's attribute as the parser inserts it, before the deferred bundle reads it.
    /// </summary>
    private async Task<IPage> OpenWithSettingsAsync(string path, string json)
    {
        var page = await Context.NewPageAsync();
        await page.AddInitScriptAsync($$"""
            new MutationObserver((_, observer) => {
              const script = document.querySelector("script[data-hyper-config]")
              if (!script) return
              script.setAttribute("data-hyper-config", {{JsonSerializer.Serialize(json)}})
              observer.disconnect()
            }).observe(document, {childList: true, subtree: true})
            """);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Records when each connection attempt starts (<c>window.__attempts</c>, ms).</summary>
    private static async Task RecordAttemptsAsync(IPage page) => await page.EvaluateAsync("""
        () => {
          window.__attempts = []
          window.hyperLive.onStateChange((state) => { if (state === "connecting") window.__attempts.push(performance.now()) })
        }
        """);

    [Fact]
    public async Task Reconnects_at_once_then_after_1_2_4_seconds_and_starts_over_after_a_success()
    {
        var down = false;
        await Live.RefuseSocketsWhileAsync(Context, () => Volatile.Read(ref down));

        // The defaults without the long-poll fallback, which would take over from the refused WebSocket after 2.5 s.
        var page = await OpenWithSettingsAsync("/counter", "{}");
        await Live.WaitConnectedAsync(page);
        await RecordAttemptsAsync(page);

        Volatile.Write(ref down, true);
        var droppedAt = await page.EvaluateAsync<double>("() => performance.now()");
        Assert.True(Fixture.DropAllSockets() >= 1);
        await page.WaitForFunctionAsync("() => window.__attempts.length >= 4", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var attempts = await page.EvaluateAsync<double[]>("() => window.__attempts");

        // ±20 % jitter around 1, 2 and 4 s, plus time for the refusal to come back.
        Assert.InRange(attempts[0] - droppedAt, 0, 600);
        Assert.InRange(attempts[1] - attempts[0], 700, 1700);
        Assert.InRange(attempts[2] - attempts[1], 1500, 2900);
        Assert.InRange(attempts[3] - attempts[2], 3100, 5400);

        Volatile.Write(ref down, false);
        await page.WaitForFunctionAsync("() => window.hyperLive.state === 'open'", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        await Live.WaitConnectedAsync(page);

        // After a success the schedule starts over: the next drop is retried at once again.
        await RecordAttemptsAsync(page);
        var droppedAgainAt = await page.EvaluateAsync<double>("() => performance.now()");
        Assert.True(Fixture.DropAllSockets() >= 1);
        await Live.WaitConnectedAsync(page);
        await page.WaitForFunctionAsync("() => window.__attempts.length >= 1");
        Assert.InRange((await page.EvaluateAsync<double[]>("() => window.__attempts"))[0] - droppedAgainAt, 0, 600);
    }

    [Fact]
    public async Task Gives_up_after_the_maximum_attempts_and_says_so()
    {
        await Context.RouteWebSocketAsync("**/live/websocket**", ws => _ = ws.CloseAsync(new WebSocketRouteCloseOptions { Code = 1011, Reason = "down" }));
        var page = await OpenWithSettingsAsync("/counter", """{"reconnectMs":100,"maxReconnectMs":200,"maxReconnectAttempts":2}""");
        await page.EvaluateAsync("() => { window.__errors = []; window.addEventListener('hyper:error', (e) => window.__errors.push(e.detail)) }");

        await page.WaitForFunctionAsync("() => window.hyperLive.lastError?.message?.startsWith('gave up')");
        var attempts = await page.EvaluateAsync<int>("() => window.__errors.filter((e) => e.type === 'not_connected').length");
        await page.WaitForTimeoutAsync(1000);

        Assert.Equal("not_connected", await page.EvaluateAsync<string>("() => window.hyperLive.lastError.type"));
        Assert.Equal("closed", await page.EvaluateAsync<string>("() => window.hyperLive.state"));
        Assert.True(attempts >= 2, "the failed attempts were not reported as hyper:error events");
        Assert.Equal(attempts, await page.EvaluateAsync<int>("() => window.__errors.filter((e) => e.type === 'not_connected').length"));
    }

    [Fact]
    public async Task Without_auto_connect_the_page_waits_for_connect()
    {
        var page = await OpenWithSettingsAsync("/counter", """{"autoConnect":false}""");
        await page.WaitForTimeoutAsync(1000);

        Assert.Equal("closed", await page.EvaluateAsync<string>("() => window.hyperLive.state"));
        await Expect(Live.Container(page)).Not.ToHaveClassAsync(Live.ConnectedClass());

        await page.EvaluateAsync("() => window.hyperLive.connect()");
        await Live.WaitConnectedAsync(page);
    }

    [Fact]
    public async Task The_default_debounce_goes_to_inputs_without_their_own()
    {
        var page = await OpenWithSettingsAsync("/signup", """{"debounceMs":250}""");
        await Live.WaitConnectedAsync(page);

        await Expect(page.Locator("input[name=username]")).ToHaveAttributeAsync("phx-debounce", "250");
        await Expect(page.Locator("input[name=email]")).ToHaveAttributeAsync("phx-debounce", "250");

        // Kept when a render patches the input (a patch drops attributes the server's render lacks).
        await page.Locator("input[name=username]").FillAsync("a");
        await Expect(page.Locator("input[name=username]")).ToHaveAttributeAsync("phx-debounce", "250");
        await page.Locator("#signup button[type=submit], #signup button").First.ClickAsync();
        await Expect(page.Locator("input[name=username]")).ToHaveAttributeAsync("phx-debounce", "250");
    }

}
