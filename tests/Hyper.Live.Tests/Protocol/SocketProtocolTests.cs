using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace Hyper.Live.Tests.Protocol;

/// <summary>The Phoenix socket over a real WebSocket against Kestrel (protocol §2, §3, §5.6).</summary>
public sealed class SocketProtocolTests(LiveTestServer server) : IClassFixture<LiveTestServer>
{
    [Fact]
    public async Task Heartbeat_is_answered()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        await client.SendTextAsync("""[null,"7","phoenix","heartbeat",{}]""");

        Assert.Equal("""[null,"7","phoenix","phx_reply",{"status":"ok","response":{}}]""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Join_replies_with_the_full_render()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync();

        var reply = await client.ReceiveTextAsync();

        Assert.Equal(
            $$$$"""["{{{{joinRef}}}}","{{{{joinRef}}}}","{{{{client.Topic}}}}","phx_reply",{"status":"ok","response":{"liveview_version":"1.2.12","rendered":{"0":"0","s":["<h2>Count: ","</h2><button phx-click=\"increment\" data-hyper-on=\"click\">+</button>"]}}}]""",
            reply);
    }

    [Fact]
    public async Task Event_is_answered_with_the_diff()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);

        var eventRef = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { value = "" } });

        Assert.Equal($$$$"""["{{{{joinRef}}}}","{{{{eventRef}}}}","{{{{client.Topic}}}}","phx_reply",{"status":"ok","response":{"diff":{"0":"1"}}}]""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Async_handlers_and_many_views_on_one_socket()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var other = await PhoenixTestClient.LoadAsync(server.BaseAddress, "/rooms/blue");
        var firstJoin = await client.JoinAsync();
        await client.ReplyToAsync(firstJoin);
        var secondJoin = await client.JoinAsync(other.Session, other.Static, other.Url.ToString(), topic: "lv:" + other.Id);
        var rendered = await client.ReplyToAsync(secondJoin);
        Assert.Equal("Room blue", (string?)rendered["response"]!["rendered"]!["t"]);
        Assert.Equal("blue", (string?)rendered["response"]!["rendered"]!["0"]);

        var slow = await client.PushAsync(firstJoin, client.Topic, "event", new { type = "click", @event = "slow", value = new { } });
        Assert.Equal("""{"0":"10"}""", (await client.ReplyToAsync(slow))["response"]!["diff"]!.ToJsonString());

        var rename = await client.PushAsync(secondJoin, "lv:" + other.Id, "event", new { type = "click", @event = "rename", value = new { } });
        Assert.Equal("""{"t":"Renamed"}""", (await client.ReplyToAsync(rename))["response"]!["diff"]!.ToJsonString());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task Bad_or_missing_session_token_is_stale(string session)
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync(session: session);

        Assert.Equal("""{"status":"error","response":{"reason":"stale"}}""", (await client.ReplyToAsync(joinRef)).ToJsonString());
        Assert.Contains(server.Logs, line => line.Contains("refused (stale)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_of_another_container_is_stale()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync(topic: "lv:phx-someone-else");

        Assert.Equal("stale", (string?)(await client.ReplyToAsync(joinRef))["response"]!["reason"]);
    }

    [Fact]
    public async Task Wrong_csrf_token_connects_but_every_join_is_stale()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter", csrfOverride: "forged");
        var joinRef = await client.JoinAsync();

        Assert.Equal("stale", (string?)(await client.ReplyToAsync(joinRef))["response"]!["reason"]);
    }

    [Fact]
    public async Task Cross_site_origin_is_refused()
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() =>
            PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter", origin: "https://evil.example"));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_for_a_topic_not_joined_are_unmatched()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var eventRef = await client.PushAsync("1", "lv:nobody", "event", new { type = "click", @event = "increment", value = new { } });

        Assert.Equal("""{"status":"error","response":{"reason":"unmatched topic"}}""", (await client.ReplyToAsync(eventRef)).ToJsonString());
        var joinRef = await client.PushAsync("9", "room:lobby", "phx_join", new { });
        Assert.Equal("unmatched topic", (string?)(await client.ReplyToAsync(joinRef))["response"]!["reason"]);
    }

    [Fact]
    public async Task Leave_is_answered_and_the_topic_then_unmatched()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);

        var leave = await client.PushAsync(joinRef, client.Topic, "phx_leave", new { });
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(leave))["status"]);
        var deadLeave = await client.PushAsync(null, "lv:", "phx_leave", new { });
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(deadLeave))["status"]);
        var eventRef = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { } });
        Assert.Equal("unmatched topic", (string?)(await client.ReplyToAsync(eventRef))["response"]!["reason"]);
    }

    [Theory]
    [InlineData("""["1","2","lv:x"]""", "5 elements")]
    [InlineData("""["1","2","lv:x","event","not an object"]""", "payload")]
    [InlineData("""["1","2","lv:x",42,{}]""", "strings")]
    public async Task Malformed_frame_with_a_ref_gets_an_error_reply(string frame, string reason)
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        await client.SendTextAsync(frame);

        var reply = await client.ReceiveAsync();
        Assert.Equal("phx_reply", (string?)reply[3]);
        Assert.Equal("2", (string?)reply[1]);
        Assert.Contains(reason, (string?)reply[4]!["response"]!["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_with_a_wrongly_typed_name_gets_an_error_and_the_session_continues()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);

        var bad = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = 42, value = new { } });
        var reply = await client.ReplyToAsync(bad);
        Assert.Equal("ok", (string?)reply["status"]); // "ok" so the client unlocks the element that sent it
        Assert.Equal("an event needs a string 'event' name", (string?)reply["response"]!["error"]);
        var unsupported = await client.PushAsync(joinRef, client.Topic, "frobnicate", new { });
        Assert.Equal("unsupported event 'frobnicate'", (string?)(await client.ReplyToAsync(unsupported))["response"]!["error"]);

        var ok = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { } });
        Assert.Equal("""{"0":"1"}""", (await client.ReplyToAsync(ok))["response"]!["diff"]!.ToJsonString());
        Assert.Contains(server.Logs, line => line.Contains("malformed event: an event needs a string 'event' name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Join_with_wrongly_typed_fields_is_stale()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.PushAsync(null, client.Topic, "phx_join", new { url = 5, session = new[] { 1 }, @static = false });

        Assert.Equal("stale", (string?)(await client.ReplyToAsync(joinRef))["response"]!["reason"]);
    }

    [Fact]
    public async Task Unreadable_frame_closes_only_that_socket()
    {
        await using var healthy = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await healthy.JoinAsync();
        await healthy.ReplyToAsync(joinRef);
        await using var broken = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");

        await broken.SendTextAsync("this is not json");

        var closed = await Assert.ThrowsAsync<PhoenixTestClient.WebSocketClosedException>(() => broken.ReceiveTextAsync());
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, closed.Status);
        var eventRef = await healthy.PushAsync(joinRef, healthy.Topic, "event", new { type = "click", @event = "increment", value = new { } });
        Assert.Equal("""{"0":"1"}""", (await healthy.ReplyToAsync(eventRef))["response"]!["diff"]!.ToJsonString());
        Assert.Contains(server.Logs, line => line.Contains("Malformed frame", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Oversized_frame_closes_the_socket_with_message_too_big()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        await client.SendTextAsync($$"""[null,"1","phoenix","heartbeat",{"pad":"{{new string('x', 20_000)}}"}]""");

        var closed = await Assert.ThrowsAsync<PhoenixTestClient.WebSocketClosedException>(() => client.ReceiveTextAsync());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, closed.Status);
    }

    [Fact]
    public async Task Unknown_event_gets_an_error_naming_the_closest_handler_and_the_session_continues()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);

        var unknown = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "incremnt", value = new { } });
        var reply = await client.ReplyToAsync(unknown);
        Assert.Equal("ok", (string?)reply["status"]); // "ok" so the client unlocks the element that sent it
        Assert.Contains("did you mean 'Increment'", (string?)reply["response"]!["error"], StringComparison.Ordinal);

        var ok = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { } });
        Assert.Equal("""{"0":"1"}""", (await client.ReplyToAsync(ok))["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Throwing_handler_sends_phx_error_and_a_rejoin_mounts_fresh()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        var inc = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { } });
        await client.ReplyToAsync(inc);

        var boom = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "boom", value = new { } });
        Assert.Equal("""{"status":"error","response":{"error":"internal server error"}}""", (await client.ReplyToAsync(boom)).ToJsonString());
        var error = await client.ReceiveAsync();
        Assert.Equal($$"""["{{joinRef}}","{{joinRef}}","{{client.Topic}}","phx_error",{"reason":"channel_crash"}]""", error.ToJsonString());
        Assert.Contains(server.Logs, line => line.Contains("CounterView crashed handling 'boom'", StringComparison.Ordinal));

        var rejoin = await client.JoinAsync();
        var rendered = await client.ReplyToAsync(rejoin);
        Assert.Equal("0", (string?)rendered["response"]!["rendered"]!["0"]);
    }

    [Fact]
    public async Task Duplicate_join_closes_the_old_channel_and_mounts_again()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var first = await client.JoinAsync();
        await client.ReplyToAsync(first);

        var second = await client.JoinAsync();
        var others = new List<JsonArray>();
        var reply = await client.ReplyToAsync(second, others);

        Assert.Equal("ok", (string?)reply["status"]);
        Assert.Contains(others, frame => (string?)frame[3] == "phx_close" && (string?)frame[0] == first);
        var eventRef = await client.PushAsync(second, client.Topic, "event", new { type = "click", @event = "increment", value = new { } });
        Assert.Equal("""{"0":"1"}""", (await client.ReplyToAsync(eventRef))["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Live_navigation_join_mounts_the_view_of_the_redirect_url()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync(staticToken: null, redirect: new Uri(server.BaseAddress, "/rooms/red").ToString());

        var reply = await client.ReplyToAsync(joinRef);
        Assert.Equal("red", (string?)reply["response"]!["rendered"]!["0"]);
        Assert.Equal("live", (string?)reply["response"]!["rendered"]!["1"]);
    }

    [Fact]
    public async Task Join_url_served_by_another_view_or_no_route_is_unauthorized()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
        var joinRef = await client.JoinAsync(url: new Uri(server.BaseAddress, "/rooms/red").ToString());
        Assert.Equal("unauthorized", (string?)(await client.ReplyToAsync(joinRef))["response"]!["reason"]);

        var nowhere = await client.JoinAsync(redirect: new Uri(server.BaseAddress, "/nowhere").ToString());
        Assert.Equal("unauthorized", (string?)(await client.ReplyToAsync(nowhere))["response"]!["reason"]);
    }

    [Fact]
    public async Task Mount_that_throws_answers_the_join_with_an_error()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/broken");
        var joinRef = await client.JoinAsync();

        Assert.Equal("join crashed", (string?)(await client.ReplyToAsync(joinRef))["response"]!["reason"]);
    }

    [Fact]
    public async Task Dead_render_contains_the_container_tokens_csrf_and_script()
    {
        var page = await PhoenixTestClient.LoadAsync(server.BaseAddress, "/rooms/green");

        Assert.Matches("^phx-[A-Za-z0-9_-]{22}$", page.Id);
        Assert.Contains("<title>Room green</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<h1>green</h1><p>static</p>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<script defer phx-track-static src=\"/_hyper/live.js?v=", page.Html, StringComparison.Ordinal);
        Assert.NotEmpty(page.Csrf);
        Assert.Contains("hyper_live_csrf=", page.Cookie, StringComparison.Ordinal);
    }
}
