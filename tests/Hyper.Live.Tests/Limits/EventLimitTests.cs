using System.Net.WebSockets;
using Hyper.Live.Diagnostics;
using Hyper.Live.Tests.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Limits;

/// <summary>Least privilege for handlers, Production error replies and rate limits, over a real socket.</summary>
public sealed class EventLimitTests(LimitsTestServer server) : IClassFixture<LimitsTestServer>
{
    private static async Task<(PhoenixTestClient Client, string JoinRef)> JoinAsync(LimitsTestServer server, string path)
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, path);
        var joinRef = await client.JoinAsync();
        var reply = await client.ReplyToAsync(joinRef);
        Assert.Equal("ok", (string?)reply["status"]);
        return (client, joinRef);
    }

    private static async Task<string> PushAsync(PhoenixTestClient client, string joinRef, string @event, object? value = null)
    {
        var pushed = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event, value = value ?? new { } });
        return (await client.ReplyToAsync(pushed)).ToJsonString();
    }

    /// <summary>The error of an event's reply, after checking it is the "ok" reply that unlocks the element.</summary>
    private static async Task<string?> ErrorOfAsync(PhoenixTestClient client, string joinRef, string @event, object? value = null)
    {
        var pushed = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event, value = value ?? new { } });
        var reply = await client.ReplyToAsync(pushed);
        Assert.Equal("ok", (string?)reply["status"]);
        return (string?)reply["response"]!["error"];
    }

    [Fact]
    public async Task A_public_method_no_template_binds_is_an_unknown_event_but_bound_written_and_client_events_run()
    {
        var (client, joinRef) = await JoinAsync(server, "/tests/limits/guarded-view");
        await using var _ = client;

        Assert.Equal("unknown event 'secret'", await ErrorOfAsync(client, joinRef, "secret"));
        Assert.Contains(server.Logs, line => line.Contains("GuardedView received the unknown event 'secret'", StringComparison.Ordinal));
        Assert.Contains("\"0\":\"1000\"", await PushAsync(client, joinRef, "from_hook"), StringComparison.Ordinal);
        Assert.Contains("\"0\":\"1001\"", await PushAsync(client, joinRef, "increment"), StringComparison.Ordinal);
        Assert.Contains("\"0\":\"11001\"", await PushAsync(client, joinRef, "written"), StringComparison.Ordinal);
        Assert.Contains("\"0\":\"111001\"", await PushAsync(client, joinRef, "commanded"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_error_replies_name_no_types_parameters_or_guesses()
    {
        var (client, joinRef) = await JoinAsync(server, "/tests/limits/guarded-view");
        await using var _ = client;

        Assert.Equal("unknown event 'incremnt'", await ErrorOfAsync(client, joinRef, "incremnt"));
        var refused = await PushAsync(client, joinRef, "setCount", new { _args = new[] { "abc" } });
        Assert.Equal("the event 'setCount' carried a value its handler cannot take", (string?)System.Text.Json.Nodes.JsonNode.Parse(refused)!["response"]!["error"]);

        // The log and the view's OnError still get the details (its render comes with the refusal).
        Assert.Contains(server.Logs, line => line.Contains("GuardedView refused 'setCount': Invalid parameter 'n'", StringComparison.Ordinal));
        Assert.Contains("InvalidParameterException", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_over_its_rate_limit_is_not_run_and_the_limit_is_shared_by_the_address()
    {
        var metrics = server.Services.GetRequiredService<HyperLiveMetrics>();
        var before = metrics.RateLimitedEvents;
        var (client, joinRef) = await JoinAsync(server, "/tests/limits/guarded-view");
        await using var _ = client;

        Assert.Contains("\"0\":\"100\"", await PushAsync(client, joinRef, "save"), StringComparison.Ordinal);
        Assert.Contains("\"0\":\"200\"", await PushAsync(client, joinRef, "save"), StringComparison.Ordinal);
        Assert.Equal("rate limited: too many events, try again later", await ErrorOfAsync(client, joinRef, "save"));
        Assert.Contains(server.Logs, line => line.Contains("GuardedView refused 'save': over the rate limit of GuardedView.Save (2/minute)", StringComparison.Ordinal));
        Assert.Contains("RateLimitedException", await PushAsync(client, joinRef, "increment"), StringComparison.Ordinal); // OnError saw it, the count did not move
        Assert.Equal(before + 1, metrics.RateLimitedEvents);

        // Another tab from the same address gets no fresh allowance.
        var (other, otherJoin) = await JoinAsync(server, "/tests/limits/guarded-view");
        await using var __ = other;
        Assert.Contains("rate limited", await PushAsync(other, otherJoin, "save"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_view_limit_covers_every_event_of_the_view()
    {
        var (client, joinRef) = await JoinAsync(server, "/tests/limits/throttled-view");
        await using var _ = client;

        Assert.Contains("\"0\":\"1\"", await PushAsync(client, joinRef, "increment"), StringComparison.Ordinal);
        Assert.Contains("rate limited", await PushAsync(client, joinRef, "increment"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_over_its_event_limit_gets_refusals_and_then_is_closed()
    {
        var (client, joinRef) = await JoinAsync(server, "/tests/limits/guarded-view");
        await using var _ = client;

        for (var i = 0; i < 12; i++)
        {
            Assert.DoesNotContain("error", await PushAsync(client, joinRef, "increment"), StringComparison.Ordinal);
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("rate limited", await PushAsync(client, joinRef, "increment"), StringComparison.Ordinal);
        }

        // The fourth refusal went over RateLimitedEventLimit (3/minute): the next frame closes the socket.
        await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { } });
        var closed = await Assert.ThrowsAsync<PhoenixTestClient.WebSocketClosedException>(async () =>
        {
            while (true)
            {
                await client.ReceiveAsync();
            }
        });
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, closed.Status);
        Assert.Contains(server.Logs, line => line.Contains("Closing a socket that went over 3/minute rate-limited events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Joins_over_the_socket_limit_are_refused()
    {
        var metrics = server.Services.GetRequiredService<HyperLiveMetrics>();
        var before = metrics.RefusedJoins;
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        for (var i = 0; i < 3; i++)
        {
            var join = await client.JoinAsync();
            Assert.Equal("ok", (string?)(await client.ReplyToAsync(join))["status"]);
        }

        var refused = await client.JoinAsync();
        Assert.Equal("""{"status":"error","response":{"reason":"too many joins"}}""", (await client.ReplyToAsync(refused)).ToJsonString());
        Assert.Equal(before + 1, metrics.RefusedJoins);
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }
}
