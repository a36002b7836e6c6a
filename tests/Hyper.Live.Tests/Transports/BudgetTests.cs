using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Tests.Transports;

/// <summary>
/// Inbound and outbound budgets (issue 11, items 3 and 5), over real WebSockets: a client
/// cannot park unbounded work behind a slow handler, and a burst of broadcasts to healthy
/// readers coalesces instead of disconnecting them.
/// </summary>
[Collection(nameof(BudgetTests))] // GatedView's gate is static
public sealed class BudgetTests
{
    [Fact]
    public async Task A_client_sending_faster_than_its_handler_is_slowed_down_and_loses_nothing()
    {
        GatedView.Reset();
        await using var app = await StartAsync(options =>
        {
            options.MaxInboundFrames = 4;
            options.MaxInboundBytes = 256 * 1024;
            options.EventRateLimit = null; // this client is fast on purpose: the budget, not the rate limit, must hold it back
        });
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/gated");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);

        // 40 KB events while the handler is blocked: without backpressure the server would take
        // all 2,000 (80 MB) into memory; with it, it stops reading and the client's sends stall.
        var padding = new string('p', 40 * 1024);
        var accepted = 0;
        var stalled = false;
        for (var n = 0; n < 2000; n++)
        {
            var send = client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "work", value = new { n, padding } });
            if (await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(3))) != send)
            {
                stalled = true;
                GatedView.Gate.TrySetResult(); // let the handler run: the stalled send then completes
                await send;
                accepted = n + 1;
                break;
            }

            accepted = n + 1;
        }

        Assert.True(stalled, $"the server kept reading: {accepted} events of 40 KB were taken while the handler was blocked");
        Assert.True(accepted < 2000);

        // Every event the client sent is handled, in order: backpressure loses nothing.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (GatedView.Handled < accepted && DateTime.UtcNow < deadline)
        {
            await client.ReceiveTextAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(accepted, GatedView.Handled);
        Assert.False(GatedView.OutOfOrder);
    }

    [Fact]
    public async Task A_burst_of_broadcasts_disconnects_no_healthy_reader_and_ends_on_the_latest_state()
    {
        await using var app = await StartAsync(options => options.MaxOutboundBytes = 16 * 1024);
        var readers = new List<PhoenixTestClient>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var reader = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/burst");
                await reader.ReplyToAsync(await reader.JoinAsync());
                readers.Add(reader);
            }

            // 3,000 broadcasts as fast as the server can publish them; each reader reads normally.
            var pubSub = app.App.Services.GetRequiredService<IPubSub>();
            var reading = readers.Select(ReadUntilFinalCountAsync).ToList();
            for (var n = 1; n <= 3000; n++)
            {
                await pubSub.BroadcastAsync("burst", n);
            }

            var diffs = await Task.WhenAll(reading);

            // Every reader saw the last state, none was cut off, and coalescing sent far fewer than 3,000 diffs.
            Assert.All(readers, reader => Assert.Equal(WebSocketState.Open, reader.Socket.State));
            Assert.All(diffs, count => Assert.InRange(count, 1, 3000));
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    /// <summary>Reads diff pushes until one shows "count 3000"; returns how many arrived.</summary>
    private static async Task<int> ReadUntilFinalCountAsync(PhoenixTestClient reader)
    {
        var diffs = 0;
        while (true)
        {
            var frame = await reader.ReceiveAsync(TimeSpan.FromSeconds(20));
            if ((string?)frame[3] != "diff")
            {
                continue;
            }

            diffs++;
            if (frame[4]!.ToJsonString().Contains("3000", StringComparison.Ordinal))
            {
                return diffs;
            }
        }
    }

    private static Task<TestApp> StartAsync(Action<HyperLiveOptions> configure) =>
        TestApp.StartAsync(configure, app =>
        {
            app.MapLive<GatedView>("/gated");
            app.MapLive<BurstView>("/burst");
        });
}
