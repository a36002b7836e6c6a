using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The seed's counter (<c>/counter</c>) in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CounterTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture)
{
    private int logStart;

    public override Task InitializeAsync()
    {
        logStart = Fixture.ServerLog.Count;
        return base.InitializeAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_dead_render_shows_the_count()
    {
        await using var noJs = await Fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await noJs.NewPageAsync();

        var response = await page.GotoAsync("/counter");

        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("h2")).ToHaveTextAsync("Count: 0");
        await Expect(Live.Button(page, "+")).ToHaveAttributeAsync("phx-click", "increment");
        await Expect(Live.Button(page, "−")).ToHaveAttributeAsync("phx-click", "decrement");
        // Nothing ran: no connection, so the container never gets the connected class.
        await Expect(Live.Container(page)).Not.ToHaveClassAsync(Live.ConnectedClass());
    }

    [Fact]
    public async Task Clicks_update_the_count_over_the_socket()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/counter");
        await Live.WaitConnectedAsync(page);

        var count = page.Locator("h2");
        await Expect(count).ToHaveTextAsync("Count: 0");
        for (var expected = 1; expected <= 3; expected++)
        {
            await Live.Button(page, "+").ClickAsync();
            await Expect(count).ToHaveTextAsync($"Count: {expected}");
        }

        await Live.Button(page, "−").ClickAsync();
        await Expect(count).ToHaveTextAsync("Count: 2");

        Assert.Equal("open", await page.EvaluateAsync<string>("() => window.hyperLive.state"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.hyperLive.ws.readyState"));

        await Live.Button(page, "Reset").ClickAsync();
        await Expect(count).ToHaveTextAsync("Count: 0");
        AssertServerQuiet();
    }

    [Fact]
    public async Task Every_frame_is_a_Phoenix_V2_array_and_the_join_reply_carries_the_render()
    {
        var page = await Context.NewPageAsync();
        var wire = new WireCapture(page);
        await page.GotoAsync("/counter");
        await Live.WaitConnectedAsync(page);
        await Live.Button(page, "+").ClickAsync();
        await Expect(page.Locator("h2")).ToHaveTextAsync("Count: 1");

        var join = await wire.WaitForAsync(frame => frame.Sent && frame.Event == "phx_join");
        var joinReply = await wire.ReplyToAsync(join);
        var click = await wire.WaitForAsync(frame => frame.Sent && frame.Event == "event");
        await wire.ReplyToAsync(click);

        var frames = wire.Frames;
        foreach (var frame in frames)
        {
            output.WriteLine(frame.ToString());
            Assert.NotNull(frame.Text); // no binary frames without uploads
            var json = frame.Json;
            Assert.Equal(JsonValueKind.Array, json.ValueKind);
            Assert.Equal(5, json.GetArrayLength());
            Assert.Equal(JsonValueKind.String, json[2].ValueKind); // topic
            Assert.Equal(JsonValueKind.String, json[3].ValueKind); // event
            Assert.Equal(JsonValueKind.Object, json[4].ValueKind); // payload
        }

        // One socket, the view's topic, and the join reply echoing join_ref and ref.
        Assert.Equal(1, wire.SocketCount);
        var containerId = await Live.Container(page).GetAttributeAsync("id");
        Assert.Equal($"lv:{containerId}", join.Topic);
        Assert.Equal(join.Json[0].GetString(), joinReply.Json[0].GetString());
        Assert.Contains("\"rendered\"", joinReply.Text, StringComparison.Ordinal);
        Assert.Contains("\"liveview_version\":\"1.2.12\"", joinReply.Text, StringComparison.Ordinal);
        var reply = joinReply.Json[4];
        Assert.Equal("ok", reply.GetProperty("status").GetString());
        Assert.Equal("1.2.12", reply.GetProperty("response").GetProperty("liveview_version").GetString());
        Assert.True(reply.GetProperty("response").GetProperty("rendered").TryGetProperty("s", out _));

        // The click is a Phoenix "event" push: {"type":"click","event":"increment",…}.
        var push = click.Json[4];
        Assert.Equal("click", push.GetProperty("type").GetString());
        Assert.Equal("increment", push.GetProperty("event").GetString());
        AssertServerQuiet();
    }

    /// <summary>
    /// A network drop (the server side of the TCP connection is reset, no close frame: the
    /// browser sees code 1006). Phoenix reconnects on a new WebSocket and rejoins the same
    /// topic with the same tokens and <c>_mounts: 1</c> (protocol §9.1, §9.2); the server kept the view
    /// detached and re-attaches it: the count is still there.
    /// </summary>
    [Fact]
    public async Task After_a_network_drop_the_client_reconnects_and_rejoins_the_same_view()
    {
        var page = await Context.NewPageAsync();
        var wire = new WireCapture(page);
        await page.GotoAsync("/counter");
        await Live.WaitConnectedAsync(page);
        var count = page.Locator("h2");
        await Live.Button(page, "+").ClickAsync();
        await Expect(count).ToHaveTextAsync("Count: 1");
        await Live.Button(page, "+").ClickAsync();
        await Expect(count).ToHaveTextAsync("Count: 2");
        var firstJoin = await wire.WaitForAsync(frame => frame.Sent && frame.Event == "phx_join");

        await page.EvaluateAsync("""
            () => {
              window.__droppedWs = window.hyperLive.ws
              window.__closeCode = null
              window.__droppedWs.addEventListener("close", event => { window.__closeCode = event.code })
              // A full page load would reset this marker: the test checks no reload happened.
              window.__samePage = true
            }
            """);
        Assert.Equal(1, Fixture.DropAllSockets());

        await page.WaitForFunctionAsync("() => window.__closeCode !== null");
        var closeCode = await page.EvaluateAsync<int>("() => window.__closeCode");
        output.WriteLine($"close code seen by the page: {closeCode}");
        Assert.Equal(1006, closeCode);

        // A NEW WebSocket opens and the view rejoins over it.
        await page.WaitForFunctionAsync("() => window.hyperLive.ws && window.hyperLive.ws !== window.__droppedWs && window.hyperLive.ws.readyState === 1");
        var rejoin = await wire.WaitForAsync(frame => frame.Sent && frame.Socket == 1 && frame.Event == "phx_join");
        var rejoinReply = await wire.ReplyToAsync(rejoin);
        await Expect(Live.Container(page)).ToHaveClassAsync(Live.ConnectedClass());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "the page was reloaded instead of reconnected");
        Assert.Equal("open", await page.EvaluateAsync<string>("() => window.hyperLive.state"));

        // Same topic and tokens, a new join_ref, _mounts counted up.
        Assert.Equal(firstJoin.Topic, rejoin.Topic);
        var firstPayload = firstJoin.Json[4];
        var rejoinPayload = rejoin.Json[4];
        Assert.Equal(firstPayload.GetProperty("session").GetString(), rejoinPayload.GetProperty("session").GetString());
        Assert.Equal(firstPayload.GetProperty("static").GetString(), rejoinPayload.GetProperty("static").GetString());
        Assert.Equal(1, rejoinPayload.GetProperty("params").GetProperty("_mounts").GetInt32());
        Assert.NotEqual(firstJoin.Json[0].GetString(), rejoin.Json[0].GetString());
        Assert.Equal("ok", rejoinReply.Json[4].GetProperty("status").GetString());
        output.WriteLine(rejoinReply.ToString());

        // The rejoin re-attached the Counter the server kept since the drop: a full render of its
        // state (a fresh mount would show 0), and the next click counts on from there.
        await Expect(count).ToHaveTextAsync("Count: 2");
        await Live.Button(page, "+").ClickAsync();
        await Expect(count).ToHaveTextAsync("Count: 3");
        AssertServerQuiet();
    }

    /// <summary>
    /// A user's network goes away for 5 s (the browser offline, its socket cut) and comes back: the page
    /// reconnects and shows the count it had, with no reload and no remount.
    /// </summary>
    [Fact]
    public async Task The_count_survives_five_seconds_offline()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/counter");
        await Live.WaitConnectedAsync(page);
        var count = page.Locator("h2");
        for (var i = 1; i <= 3; i++)
        {
            await Live.Button(page, "+").ClickAsync();
            await Expect(count).ToHaveTextAsync($"Count: {i}");
        }

        await page.EvaluateAsync("() => { window.__samePage = true; window.__droppedWs = window.hyperLive.ws }");
        await Context.SetOfflineAsync(true);
        Fixture.DropAllSockets();
        await page.WaitForFunctionAsync("() => window.hyperLive.state !== 'open'");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await Context.SetOfflineAsync(false);

        await page.WaitForFunctionAsync("() => window.hyperLive.ws !== window.__droppedWs && window.hyperLive.ws.readyState === 1", null, new() { Timeout = 30_000 });
        await Expect(Live.Container(page)).ToHaveClassAsync(Live.ConnectedClass());
        await Expect(count).ToHaveTextAsync("Count: 3");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "the page was reloaded instead of reconnected");
        // Counted on by the same instance: a fresh mount would have rendered 0 and counted to 1.
        await Live.Button(page, "+").ClickAsync();
        await Expect(count).ToHaveTextAsync("Count: 4");
    }

    /// <summary>
    /// A close the Phoenix socket did not initiate, here the page closing the raw WebSocket
    /// with 4000, must lead to a reconnect (protocol §2.6). The server must echo 4000 (RFC 6455
    /// §5.5.1): a 1000 in the browser's close event would make the LiveView client take it for a
    /// deliberate server shutdown and reload the whole page instead.
    /// </summary>
    [Fact]
    public async Task A_close_with_code_4000_from_the_page_is_echoed_and_followed_by_a_reconnect()
    {
        var page = await Context.NewPageAsync();
        var wire = new WireCapture(page);
        await page.GotoAsync("/counter");
        await Live.WaitConnectedAsync(page);

        await page.EvaluateAsync("""
            () => {
              window.__droppedWs = window.hyperLive.ws
              window.__closeCode = null
              window.__droppedWs.addEventListener("close", event => { window.__closeCode = event.code })
              window.__droppedWs.close(4000, "test drop")
            }
            """);
        await page.WaitForFunctionAsync("() => window.__closeCode !== null");
        var closeCode = await page.EvaluateAsync<int>("() => window.__closeCode");
        output.WriteLine($"close code seen by the page after close(4000): {closeCode}");

        // Phoenix reconnects within milliseconds; a reload would only come after 5 s or more.
        var reconnected = await page.EvaluateAsync<bool>("""
            () => new Promise(resolve => {
              const started = Date.now()
              const poll = () => {
                const ws = window.hyperLive.ws
                if (ws && ws !== window.__droppedWs && ws.readyState === 1) return resolve(true)
                if (Date.now() - started > 4000) return resolve(false)
                setTimeout(poll, 20)
              }
              poll()
            })
            """);
        foreach (var frame in wire.Frames)
        {
            output.WriteLine(frame.ToString());
        }

        Assert.Equal(4000, closeCode);
        Assert.True(reconnected, "no new WebSocket within 4 s (the client disconnected and scheduled a page reload)");
    }

    private void AssertServerQuiet()
    {
        var log = Fixture.ServerLog.Skip(logStart).ToArray();
        foreach (var line in log)
        {
            output.WriteLine("server: " + line);
        }

        Assert.DoesNotContain(log, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }
}
