using System.Diagnostics.Metrics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hyper.Live.Diagnostics;

namespace Hyper.Live.Tests.Transports;

/// <summary>
/// What the transport does without a per-connection timer: the idle sweep closes silent
/// sockets, heartbeats keep them open, shutdown closes every socket with 1001; and the
/// diagnostics endpoint and meter that the load harness reads.
/// </summary>
public sealed class ConnectionLifetimeTests
{
    [Fact]
    public async Task A_silent_socket_is_closed_with_1001_idle()
    {
        await using var app = await StartAsync(options => options.IdleTimeout = TimeSpan.FromMilliseconds(400));
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/counter");
        await client.ReplyToAsync(await client.JoinAsync());

        var closed = await Assert.ThrowsAsync<PhoenixTestClient.WebSocketClosedException>(() => client.ReceiveTextAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, closed.Status);
        Assert.Equal("idle", client.Socket.CloseStatusDescription);
    }

    [Fact]
    public async Task Heartbeats_keep_a_socket_open_past_the_idle_timeout()
    {
        // Beats 300 ms apart for well over the 2 s timeout: only a stall of seconds could fail this.
        await using var app = await StartAsync(options => options.IdleTimeout = TimeSpan.FromSeconds(2));
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);

        for (var beat = 0; beat < 12; beat++)
        {
            await Task.Delay(300);
            var heartbeat = await client.PushAsync(null, "phoenix", "heartbeat", new { });
            Assert.Equal("ok", (string?)(await client.ReplyToAsync(heartbeat))["status"]);
        }

        var click = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { value = "" } });
        Assert.Equal("""{"0":"1"}""", (await client.ReplyToAsync(click))["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Stopping_the_server_closes_each_socket_with_1001()
    {
        await using var app = await StartAsync();
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/counter");
        await client.ReplyToAsync(await client.JoinAsync());

        var stopping = app.App.StopAsync();
        var closed = await Assert.ThrowsAsync<PhoenixTestClient.WebSocketClosedException>(() => client.ReceiveTextAsync(TimeSpan.FromSeconds(10)));

        // Answer the close as a browser does; the server then ends the connection at once.
        await client.Socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "", CancellationToken.None);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, closed.Status);
        Assert.Equal("server shutting down", client.Socket.CloseStatusDescription);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_disconnected_and_leaves_nothing_behind()
    {
        await using var app = await StartAsync(options =>
        {
            options.MaxOutboundBytes = 1024 * 1024;
            options.DiagnosticsPath = "/_hyper/diagnostics";
        });
        var metrics = app.App.Services.GetRequiredService<HyperLiveMetrics>();
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/flood");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);

        // Replies of 256 KB that the client never reads, until the server gives up on it: loopback
        // socket buffers can absorb several MB, then the send pump stalls and the queue overflows.
        var sent = 0;
        for (; sent < 400 && metrics.Sockets > 0; sent++)
        {
            try
            {
                await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "grow", value = new { } });
            }
            catch (WebSocketException)
            {
                break; // the server gave up on us first
            }
        }

        // The close frame cannot get through either: the sweeper aborts the connection after its grace period.
        var deadline = DateTime.UtcNow + IdleSweeperGrace + TimeSpan.FromSeconds(15);
        while ((metrics.Sockets > 0 || metrics.Sessions > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(metrics.Sockets == 0 && metrics.Sessions == 0, $"after flooding {sent} events: {metrics.Sockets} sockets and {metrics.Sessions} sessions left");
    }

    [Fact]
    public async Task Diagnostics_are_off_unless_configured()
    {
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/_hyper/diagnostics")).StatusCode);
    }

    [Fact]
    public async Task Diagnostics_and_meter_count_sockets_sessions_and_events()
    {
        // Other test classes run their own apps in parallel, each with a "Hyper.Live" meter: count this app's only.
        var measured = new Dictionary<string, long>();
        Meter? ours = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == HyperLiveMetrics.MeterName)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Meter != Volatile.Read(ref ours))
            {
                return;
            }

            lock (measured)
            {
                measured[instrument.Name] = instrument.Name == "hyper_live.events" ? measured.GetValueOrDefault(instrument.Name) + value : value;
            }
        });
        listener.Start();

        await using var app = await StartAsync(options => options.DiagnosticsPath = "/_hyper/diagnostics");
        Volatile.Write(ref ours, app.App.Services.GetRequiredService<HyperLiveMetrics>().Meter);
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { value = "" } }));

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var snapshot = JsonNode.Parse(await http.GetStringAsync("/_hyper/diagnostics?collect=true"))!;
        Assert.Equal(1, (long)snapshot["sockets"]!);
        Assert.Equal(1, (long)snapshot["sessions"]!);
        Assert.Equal(1, (long)snapshot["events"]!);
        Assert.True((bool)snapshot["collected"]!);
        Assert.True((long)snapshot["managedBytes"]! > 0);

        listener.RecordObservableInstruments();
        lock (measured)
        {
            Assert.Equal(1, measured["hyper_live.sockets"]);
            Assert.Equal(1, measured["hyper_live.sessions"]);
            Assert.Equal(1, measured["hyper_live.events"]);
        }
    }

    private static TimeSpan IdleSweeperGrace => Hyper.Live.Transports.IdleSweeper.CloseGrace;

    private static Task<TestApp> StartAsync(Action<HyperLiveOptions>? configure = null) =>
        TestApp.StartAsync(configure, app =>
        {
            app.MapLive<CounterView>("/counter");
            app.MapLive<FloodView>("/flood");
        });
}
