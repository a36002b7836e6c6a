using System.Net.WebSockets;
using Hyper.Live.Diagnostics;
using Hyper.Live.Tests.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Limits;

/// <summary>Sockets per IP address and live views per server.</summary>
public sealed class CapTests(CappedTestServer server) : IClassFixture<CappedTestServer>
{
    [Fact]
    public async Task A_third_socket_from_one_address_is_refused_with_429_until_one_closes()
    {
        var metrics = server.Services.GetRequiredService<HyperLiveMetrics>();
        var first = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        await using var second = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter"));
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, metrics.RefusedSockets);
        Assert.Contains(server.Logs, line => line.Contains("Refused a socket from 127.0.0.1: it has 2 open already", StringComparison.Ordinal));

        await first.DisposeAsync();
        await using var third = await ConnectWhenFreedAsync();
        Assert.Equal(WebSocketState.Open, third.Socket.State);
    }

    [Fact]
    public async Task A_join_over_the_server_session_limit_is_refused_as_server_full()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var join = await client.JoinAsync();
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(join))["status"]);

        var other = await PhoenixTestClient.LoadAsync(server.BaseAddress, "/rooms/blue");
        var refused = await client.JoinAsync(other.Session, other.Static, other.Url.ToString(), topic: "lv:" + other.Id);
        Assert.Equal("""{"status":"error","response":{"reason":"server full"}}""", (await client.ReplyToAsync(refused)).ToJsonString());
    }

    /// <summary>The closed socket's place is freed when its request ends, a moment after the close handshake.</summary>
    private async Task<PhoenixTestClient> ConnectWhenFreedAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
            }
            catch (WebSocketException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
