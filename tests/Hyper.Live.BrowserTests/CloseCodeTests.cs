using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// Every way a socket closes, and what the Phoenix client in Chromium then does: reconnect and
/// rejoin (the page stays, what the user typed stays) or, after a 1000 from the server, reload the
/// page 5–10 s later. Only a deliberate shutdown may look like the second.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CloseCodeTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/counter")
{
    /// <summary>Marks the document: a reload loses the mark, a reconnect keeps it.</summary>
    private async Task MarkAsync() => await Page.EvaluateAsync("() => { window.__mark = true; window.__oldWs = window.hyperLive.ws }");

    private Task AssertReconnectedWithoutReloadAsync() => AssertReconnectedWithoutReloadAsync(Page);

    /// <summary>A new socket is open and joined, on the same document (still marked), and the view answers.</summary>
    private static async Task AssertReconnectedWithoutReloadAsync(IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => window.hyperLive.ws && window.hyperLive.ws !== window.__oldWs && window.hyperLive.ws.readyState === 1",
            null,
            new PageWaitForFunctionOptions { Timeout = 15_000 });
        await Live.WaitConnectedAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__mark === true"), "the page was reloaded instead of reconnecting");
        await Live.Button(page, "+").ClickAsync();
        await Expect(page.Locator("h2")).ToHaveTextAsync("Count: 1");
    }

    [Fact]
    public async Task A_close_without_a_code_from_the_page_reconnects()
    {
        // The server used to answer 1000, and the client then reloaded the page (LiveSocket's "failsafe reload").
        await MarkAsync();
        await Page.EvaluateAsync("() => window.hyperLive.ws.close()");

        await AssertReconnectedWithoutReloadAsync();
        await Page.WaitForTimeoutAsync(11_000);   // past the reload jitter (5–10 s): a reload scheduled meanwhile would have happened
        Assert.True(await Page.EvaluateAsync<bool>("() => window.__mark === true"), "the page reloaded after reconnecting");
        AssertServerQuiet();
    }

    [Fact]
    public async Task A_close_with_an_application_code_from_the_page_reconnects()
    {
        await MarkAsync();
        await Page.EvaluateAsync("() => window.hyperLive.ws.close(4000, 'bye')");

        await AssertReconnectedWithoutReloadAsync();
    }

    [Fact]
    public async Task A_malformed_frame_is_closed_with_1007_and_the_page_reconnects()
    {
        await MarkAsync();
        await Page.EvaluateAsync("""
            () => {
              window.__closeCode = null
              window.hyperLive.ws.addEventListener("close", (event) => { window.__closeCode = event.code })
              window.hyperLive.ws.send("not a frame")
            }
            """);

        await Page.WaitForFunctionAsync("() => window.__closeCode !== null");
        Assert.Equal(1007, await Page.EvaluateAsync<int>("() => window.__closeCode"));
        await AssertReconnectedWithoutReloadAsync();
    }

    /// <summary>
    /// The codes the server closes with (idle, shutdown and too far behind: 1001; rate-limit abuse: 1008;
    /// malformed: 1007; too large: 1009) each reconnect; 1000 alone makes the client reload the page.
    /// Played by a routed socket, so the server's own close paths need not be provoked one by one.
    /// </summary>
    [Theory]
    [InlineData(1001, false)]
    [InlineData(1007, false)]
    [InlineData(1008, false)]
    [InlineData(1009, false)]
    [InlineData(1000, true)]
    public async Task What_the_client_does_after_each_server_close_code(int code, bool reloads)
    {
        await using var context = await Fixture.NewContextAsync();
        IWebSocketRoute? current = null;
        await context.RouteWebSocketAsync("**/live/websocket**", ws =>
        {
            current = ws;
            ws.ConnectToServer();
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/counter");
        await Live.WaitConnectedAsync(page);
        await page.EvaluateAsync("() => { window.__mark = true; window.__oldWs = window.hyperLive.ws }");

        await current!.CloseAsync(new WebSocketRouteCloseOptions { Code = code, Reason = "test" });

        if (reloads)
        {
            await page.WaitForFunctionAsync("() => window.__mark !== true", null, new PageWaitForFunctionOptions { Timeout = 15_000, PollingInterval = 200 });
            await Live.WaitConnectedAsync(page);
        }
        else
        {
            await AssertReconnectedWithoutReloadAsync(page);
        }
    }
}
