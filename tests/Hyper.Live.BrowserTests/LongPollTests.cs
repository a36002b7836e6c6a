using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// Pages whose WebSocket cannot get through (a proxy that swallows it) fall back to long-poll
/// (<c>/live/longpoll</c>) after <c>longPollFallbackMs</c> and work as before: events, pushes, timers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongPollTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly int logStart = fixture.ServerLog.Count;

    [Fact]
    public async Task With_the_websocket_blocked_the_counter_works_over_long_poll()
    {
        await using var context = await BlockedContextAsync();
        var page = await context.NewPageAsync();
        var polls = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/live/longpoll", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref polls);
            }
        };
        await page.GotoAsync("/counter");
        await WaitLongPollConnectedAsync(page);

        var count = page.Locator("h2");
        for (var expected = 1; expected <= 3; expected++)
        {
            await Live.Button(page, "+").ClickAsync();
            await Expect(count).ToHaveTextAsync($"Count: {expected}");
        }

        Assert.Equal("open", await page.EvaluateAsync<string>("() => window.hyperLive.state"));
        // The client remembers the fallback for the tab's later page loads.
        Assert.Equal("true", await page.EvaluateAsync<string?>("() => sessionStorage.getItem('phx:fallback:LongPoll')"));
        Assert.True(Volatile.Read(ref polls) >= 3, $"{polls} long-poll requests");
        AssertServerQuiet();
    }

    [Fact]
    public async Task Over_long_poll_the_timer_ticks_and_chat_messages_arrive_from_a_websocket_page()
    {
        var room = "room-" + Guid.NewGuid().ToString("N")[..8];
        await using var blocked = await BlockedContextAsync();
        await using var open = await fixture.NewContextAsync();
        var ann = await blocked.NewPageAsync();
        var bob = await open.NewPageAsync();
        await ann.GotoAsync($"/chat/{room}?name=ann");
        await WaitLongPollConnectedAsync(ann);
        await bob.GotoAsync($"/chat/{room}?name=bob");
        await Live.WaitConnectedAsync(bob);

        // Pushed to ann's long-poll session by bob's join and message over his WebSocket.
        await Expect(ann.Locator("#messages")).ToContainTextAsync("bob joined");
        await bob.Locator("input[name=message]").FillAsync("hello ann");
        await bob.Locator("input[name=message]").PressAsync("Enter");
        await Expect(ann.Locator("#messages li.message .text")).ToHaveTextAsync("bob: hello ann");

        await ann.Locator("input[name=message]").FillAsync("hi bob");
        await ann.Locator("input[name=message]").PressAsync("Enter");
        await Expect(bob.Locator("#messages li.message .text")).ToHaveTextAsync(["bob: hello ann", "ann: hi bob"]);

        var dashboard = await blocked.NewPageAsync();
        await dashboard.GotoAsync("/dashboard");
        await WaitLongPollConnectedAsync(dashboard);
        var first = await dashboard.Locator("#clock").TextContentAsync();
        await Expect(dashboard.Locator("#clock")).Not.ToHaveTextAsync(first!);
        AssertServerQuiet();
    }

    /// <summary>
    /// A context whose WebSockets to <c>/live/websocket</c> reach a black hole: they open (to
    /// Playwright's mock) but nothing ever answers, as behind a proxy that swallows them.
    /// </summary>
    private async Task<IBrowserContext> BlockedContextAsync()
    {
        var context = await fixture.NewContextAsync();
        await context.RouteWebSocketAsync("**/live/websocket**", _ => { });
        return context;
    }

    /// <summary>Waits until the page's transport is the long-poll one (it skips heartbeats) and the view has joined.</summary>
    internal static async Task WaitLongPollConnectedAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.hyperLive?.ws?.skipHeartbeat === true && window.hyperLive.ws.readyState === 1");
        await Expect(Live.Container(page)).ToHaveClassAsync(Live.ConnectedClass());
    }

    private void AssertServerQuiet()
    {
        var log = fixture.ServerLog.Skip(logStart).ToArray();
        foreach (var line in log)
        {
            output.WriteLine("server: " + line);
        }

        Assert.DoesNotContain(log, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }
}
