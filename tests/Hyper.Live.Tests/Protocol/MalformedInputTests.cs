using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Hyper.Live.Diagnostics;
using Hyper.Live.PubSub;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Protocol;

/// <summary>
/// Malformed protocol input over a real WebSocket (issue 11, items 2 and 8): every bad frame gets
/// an error reply or a clean close, nothing crashes, nothing leaks, and the log is not flooded.
/// </summary>
public sealed class MalformedInputTests(LiveTestServer server) : IClassFixture<LiveTestServer>
{
    private long Sessions => server.Services.GetRequiredService<HyperLiveMetrics>().Sessions;

    private int Subscribers => ((InMemoryPubSub)server.Services.GetRequiredService<IPubSub>()).SubscriberCount(ResourceView.PubSubTopic);

    private int Unmounts => server.Probe.Count("resource-unmount");

    /// <summary>Payloads whose only fault is a lone surrogate escape somewhere the server reads a string.</summary>
    public static readonly string[] LoneSurrogatePayloads =
    [
        """{"type":"click","event":"\ud800","value":{}}""",
        """{"type":"\udc00","event":"bump","value":{}}""",
        """{"type":"click","event":"bump","value":{"\ud800x":"1"}}""",
        """{"type":"form","event":"bump","value":"a=\udbff"}""",
        """{"type":"click","event":"bump","value":{},"meta":{"k":"x\udfff"}}""",
        """{"type":"click","event":"bump\ud800\ud800\udc00","value":{}}""",
    ];

    [Fact]
    public async Task A_thousand_lone_surrogate_frames_leak_nothing_and_the_view_lives_on()
    {
        var (sessions, subscribers, unmounts) = (Sessions, Subscribers, Unmounts);
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/resources");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        Assert.Equal(subscribers + 1, Subscribers);

        for (var i = 0; i < 1000; i++)
        {
            var refValue = "bad" + i;
            await client.SendTextAsync($"""["{joinRef}","{refValue}","{client.Topic}","event",{LoneSurrogatePayloads[i % LoneSurrogatePayloads.Length]}]""");
            var reply = await client.ReplyToAsync(refValue);
            Assert.Equal("error", (string?)reply["status"]);
            Assert.Contains("lone surrogate", (string?)reply["response"]!["reason"], StringComparison.Ordinal);
        }

        Assert.Equal((sessions + 1, subscribers + 1, unmounts), (Sessions, Subscribers, Unmounts));
        var bump = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "bump", value = new { } });
        Assert.Equal("""{"0":"1"}""", (await client.ReplyToAsync(bump))["response"]!["diff"]!.ToJsonString());

        await client.DisposeAsync();
        await Eventually(() => (Sessions, Subscribers, Unmounts) == (sessions, subscribers, unmounts + 1));
        await AssertTimersStopped();
        Assert.DoesNotContain(Logged(), line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""["{join}","\ud800","{topic}","event",{"event":"bump"}]""")]
    [InlineData("""["{join}","5","lv:\udfff","event",{"event":"bump"}]""")]
    [InlineData("""["\ud800A","5","{topic}","event",{"event":"bump"}]""")]
    [InlineData("""["{join}",{"\ud800":1},"{topic}","event",{"event":"bump"}]""")]
    [InlineData("""{"event":"bump"}""")]
    [InlineData("""not json""")]
    public async Task A_frame_that_cannot_be_answered_closes_the_socket_and_its_views_are_unmounted(string frame)
    {
        var (sessions, subscribers, unmounts) = (Sessions, Subscribers, Unmounts);
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/resources");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);

        await client.SendTextAsync(frame.Replace("{join}", joinRef, StringComparison.Ordinal).Replace("{topic}", client.Topic, StringComparison.Ordinal));

        var closed = await Assert.ThrowsAsync<PhoenixTestClient.WebSocketClosedException>(() => client.ReplyToAsync("never"));
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, closed.Status);
        await Eventually(() => (Sessions, Subscribers, Unmounts) == (sessions, subscribers, unmounts + 1));
        Assert.DoesNotContain(Logged(), line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each malformed frame goes to the view joined on the socket ({topic}); "ok:" rows expect the
    /// session's ok reply with an <c>error</c> (so the client unlocks the element), "error:" rows an
    /// error reply with a <c>reason</c>.
    /// </summary>
    [Theory]
    [InlineData("""{"type":"click","event":"bump","value":{},"cid":"1"}""", "ok:'cid' must be a component id")]
    [InlineData("""{"type":"click","event":"bump","value":{},"cid":1.5}""", "ok:'cid' must be a component id")]
    [InlineData("""{"type":"click","event":"bump","value":{},"cid":99999999999999999999}""", "ok:'cid' must be a component id")]
    [InlineData("""{"type":"click","event":"bump","value":{},"cid":-1}""", "ok:'cid' must be a component id")]
    [InlineData("""{"type":"click","event":"bump","value":{},"cid":{"id":1}}""", "ok:'cid' must be a component id")]
    [InlineData("""{"type":7,"event":"bump","value":{}}""", "ok:'type' must be a string")]
    [InlineData("""{"type":"click","value":{}}""", "ok:string 'event' name")]
    [InlineData("""{"type":"click","event":null}""", "ok:string 'event' name")]
    [InlineData("""{"type":"click","event":"bump","value":5}""", "ok:")]
    [InlineData("""{"type":"click","event":"bump","value":[1,[2],{"a":null}]}""", "ok:")]
    [InlineData("""{"type":"click","event":"bump","value":null}""", "ok:")]
    [InlineData("""{"type":"form","event":"bump","value":"a=%ZZ&%E0%A4&b[=1&&=&c[]][x]=2"}""", "ok:")]
    [InlineData("""{"type":"click","event":"bump","value":{"_args":"x","_target":5},"meta":[1]}""", "ok:")]
    [InlineData("""{"type":"click","event":"bump","value":{"_args":[{"field":7},null,{"a":1}]}}""", "ok:")]
    public async Task Malformed_events_get_a_reply_and_the_socket_and_its_views_carry_on(string payload, string expected)
    {
        var (client, joinRef, other) = await JoinTwoViewsAsync();
        await using var _ = client;

        await client.SendTextAsync($"""["{joinRef}","bad","{client.Topic}","event",{payload}]""");

        var reply = await client.ReplyToAsync("bad");
        Assert.Equal(expected.Split(':')[0], (string?)reply["status"]);
        Assert.Contains(expected[(expected.IndexOf(':', StringComparison.Ordinal) + 1)..], reply["response"]!["error"]?.ToString() ?? "", StringComparison.Ordinal);
        await AssertAliveAsync(client, joinRef, other);
    }

    [Theory]
    [InlineData("event", "\"not an object\"", "the payload must be a JSON object")]
    [InlineData("event", "[1]", "the payload must be a JSON object")]
    [InlineData("event", "null", "the payload must be a JSON object")]
    [InlineData("live_patch", """{"url":"javascript:alert(1)"}""", "live_patch needs an absolute http or https 'url'")]
    [InlineData("live_patch", """{"url":"file:///resources"}""", "live_patch needs an absolute http or https 'url'")]
    [InlineData("live_patch", """{"url":"/resources"}""", "live_patch needs an absolute http or https 'url'")]
    [InlineData("live_patch", """{"url":5}""", "live_patch needs an absolute http or https 'url'")]
    [InlineData("live_patch", """{}""", "live_patch needs an absolute http or https 'url'")]
    [InlineData("frobnicate", """{"x":"\udc00"}""", "lone surrogate")]
    [InlineData("\\ud800", """{}""", "lone surrogate")]
    public async Task Malformed_frames_get_an_error_reply_and_the_socket_and_its_views_carry_on(string eventName, string payload, string reason)
    {
        var (client, joinRef, other) = await JoinTwoViewsAsync();
        await using var _ = client;

        await client.SendTextAsync($"""["{joinRef}","bad","{client.Topic}","{eventName}",{payload}]""");

        var reply = await client.ReplyToAsync("bad");
        Assert.Equal("error", (string?)reply["status"]);
        Assert.Contains(reason, (string?)reply["response"]!["reason"], StringComparison.Ordinal);
        await AssertAliveAsync(client, joinRef, other);
    }

    /// <summary>A malformed rejoin of a joined topic is refused ("stale": a real client reloads) and leaves the joined view alone.</summary>
    [Theory]
    [InlineData("url", "\"javascript:alert(1)\"")]
    [InlineData("url", "\"file:///resources\"")]
    [InlineData("url", "\"/resources\"")]
    [InlineData("redirect", "\"javascript:alert(1)\"")]
    [InlineData("session", "[1]")]
    [InlineData("params", "\"x\"")]
    [InlineData("_mounts", "\"1\"")]
    [InlineData("_mounts", "1.5")]
    [InlineData("_mounts", "99999999999999")]
    [InlineData("_mounts", "-1")]
    [InlineData("_mounts", "{}")]
    public async Task Malformed_join_is_refused_and_the_socket_and_its_views_carry_on(string field, string json)
    {
        var (client, joinRef, other) = await JoinTwoViewsAsync();
        await using var _ = client;
        var payload = new JsonObject
        {
            ["params"] = new JsonObject { ["_csrf_token"] = client.Page.Csrf, ["_mounts"] = 0 },
            ["session"] = client.Page.Session,
            ["static"] = client.Page.Static,
            ["url"] = client.Page.Url.ToString(),
        };
        var value = JsonNode.Parse(json);
        if (field == "_mounts")
        {
            payload["params"]!["_mounts"] = value;
        }
        else
        {
            payload[field] = value;
        }

        await client.SendTextAsync($"""["bad","bad","{client.Topic}","phx_join",{payload.ToJsonString()}]""");

        var reply = await client.ReplyToAsync("bad");
        Assert.Equal("""{"status":"error","response":{"reason":"stale"}}""", reply.ToJsonString());
        await AssertAliveAsync(client, joinRef, other);
    }

    [Fact]
    public async Task A_flood_of_bad_frames_logs_one_warning_per_socket_and_view_without_stack_traces()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/resources");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        var before = Logged().Length;

        for (var i = 0; i < 50; i++)
        {
            await client.SendTextAsync($"""["{joinRef}","m{i}","{client.Topic}","event",[]]""");
            await client.ReplyToAsync("m" + i);
            await client.SendTextAsync($$$"""["{{{joinRef}}}","u{{{i}}}","{{{client.Topic}}}","event",{"type":"click","event":"nope","value":{}}]""");
            await client.ReplyToAsync("u" + i);
        }

        var logged = Logged()[before..];
        Assert.Single(logged, line => line.StartsWith("Warning: Malformed frame", StringComparison.Ordinal));
        Assert.Single(logged, line => line.Contains("received the unknown event 'nope'", StringComparison.Ordinal));
        Assert.Equal(2, logged.Length);
        Assert.All(logged, line => Assert.DoesNotContain("   at ", line, StringComparison.Ordinal));
    }

    /// <summary>A socket with the resource view and a room view joined; returns the socket, the view's join ref and the room's topic.</summary>
    private async Task<(PhoenixTestClient Client, string JoinRef, string OtherTopic)> JoinTwoViewsAsync()
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/resources");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        var room = await PhoenixTestClient.LoadAsync(server.BaseAddress, "/rooms/blue");
        var topic = "lv:" + room.Id;
        var join = await client.JoinAsync(room.Session, room.Static, room.Url.ToString(), topic: topic);
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(join))["status"]);
        return (client, joinRef, topic);
    }

    /// <summary>The view on the socket still answers events, and so does the other view joined on it.</summary>
    private static async Task AssertAliveAsync(PhoenixTestClient client, string joinRef, string otherTopic)
    {
        var bump = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "bump", value = new { } });
        var reply = await client.ReplyToAsync(bump);
        Assert.Equal("ok", (string?)reply["status"]);
        Assert.NotNull(reply["response"]!["diff"]);
        var rename = await client.PushAsync(null, otherTopic, "event", new { type = "click", @event = "rename", value = new { } });
        Assert.Equal("""{"t":"Renamed"}""", (await client.ReplyToAsync(rename))["response"]!["diff"]!.ToJsonString());
    }

    private string[] Logged()
    {
        lock (server.Logs)
        {
            return [.. server.Logs];
        }
    }

    private async Task AssertTimersStopped()
    {
        var ticks = server.Probe.Count("resource-tick");
        await Task.Delay(150);
        Assert.Equal(ticks, server.Probe.Count("resource-tick"));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, "the condition did not hold within 10 s");
            await Task.Delay(20);
        }
    }
}
