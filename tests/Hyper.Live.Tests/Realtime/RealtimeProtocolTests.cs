using System.Text.Json.Nodes;
using Hyper.Live.Tests.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Hyper.Live.PubSub;
using Hyper.Live.Security;

namespace Hyper.Live.Tests.Realtime;

/// <summary>Pub/sub, timers, navigation, pushes, flash, lifecycle and async work, over the real protocol.</summary>
public sealed class RealtimeProtocolTests(LiveTestServer server) : IClassFixture<LiveTestServer>
{
    private static async Task<(PhoenixTestClient Client, string JoinRef, JsonObject Rendered)> JoinAsync(LiveTestServer server, string path)
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, path);
        var joinRef = await client.JoinAsync();
        var reply = await client.ReplyToAsync(joinRef);
        Assert.Equal("ok", (string?)reply["status"]);
        return (client, joinRef, reply["response"]!.AsObject());
    }

    private static Task<string> ClickAsync(PhoenixTestClient client, string joinRef, string name) =>
        client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = name, value = new { } });

    private static async Task<JsonArray> NextPushAsync(PhoenixTestClient client, string eventName)
    {
        while (true)
        {
            var frame = await client.ReceiveAsync();
            if ((string?)frame[3] == eventName)
            {
                return frame;
            }
        }
    }

    [Fact]
    public async Task Timers_deliver_in_order_through_the_mailbox_and_cancelled_ones_never()
    {
        var (client, _, _) = await JoinAsync(server, "/timers");
        await using var _client = client;

        var seen = new List<string>();
        while (seen.LastOrDefault() != "a,b,c")
        {
            var push = await NextPushAsync(client, "diff");
            seen.Add((string)push[4]!["0"]!);
        }

        Assert.Equal(["a", "a,b", "a,b,c"], seen);
    }

    [Fact]
    public async Task Recurring_timer_stops_when_cancelled_and_when_the_session_ends()
    {
        var probeId = Guid.NewGuid().ToString("N");
        var (client, joinRef, _) = await JoinAsync(server, "/timers?probe=" + probeId);
        await ClickAsync(client, joinRef, "start_ticking");
        await WaitUntil(() => server.Probe.Count("tick:" + probeId) >= 3);

        await client.PushAsync(joinRef, client.Topic, "phx_leave", new { });
        await client.DisposeAsync();
        await Task.Delay(100);
        var afterLeave = server.Probe.Count("tick:" + probeId);
        await Task.Delay(200);

        Assert.Equal(afterLeave, server.Probe.Count("tick:" + probeId));
    }

    [Fact]
    public async Task Broadcasts_from_the_app_reach_subscribed_views_and_subscriptions_end_with_the_session()
    {
        var pubSub = (InMemoryPubSub)server.Services.GetRequiredService<IPubSub>();
        var before = pubSub.SubscriberCount("news");
        var (first, _, _) = await JoinAsync(server, "/nav");
        var (second, secondRef, _) = await JoinAsync(server, "/nav");
        Assert.Equal(before + 2, pubSub.SubscriberCount("news"));

        await pubSub.BroadcastAsync("news", "extra!");

        Assert.Equal("extra!", (string?)(await NextPushAsync(first, "diff"))[4]!["2"]);
        Assert.Equal("extra!", (string?)(await NextPushAsync(second, "diff"))[4]!["2"]);
        await first.DisposeAsync();
        await second.PushAsync(secondRef, second.Topic, "phx_leave", new { });
        await second.DisposeAsync();
        await WaitUntil(() => pubSub.SubscriberCount("news") == before);
    }

    [Fact]
    public async Task Push_patch_runs_handle_params_announces_the_url_then_replies_with_the_diff()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var patch = await ClickAsync(client, joinRef, "patch");
        var frames = new List<JsonArray>();
        var reply = await client.ReplyToAsync(patch, frames);

        var livePatch = Assert.Single(frames);
        Assert.Equal($$"""["{{joinRef}}",null,"{{client.Topic}}","live_patch",{"to":"/nav?x=2","kind":"push"}]""", livePatch.ToJsonString());
        Assert.Equal("""{"0":"2"}""", reply["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Patch_during_mount_rides_in_the_join_reply()
    {
        var (client, _, response) = await JoinAsync(server, "/nav?start=1");
        await using var _client = client;

        Assert.Equal("""{"to":"/nav?x=started","kind":"replace"}""", response["live_patch"]!.ToJsonString());
        Assert.Equal("started", (string?)response["rendered"]!["0"]);
        Assert.Equal("Nav", (string?)response["rendered"]!["t"]);
    }

    [Fact]
    public async Task Live_patch_event_drives_handle_params_or_answers_link_redirect_for_another_view()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var same = await client.PushAsync(joinRef, client.Topic, "live_patch", new { url = new Uri(server.BaseAddress, "/nav?x=9").ToString() });
        Assert.Equal("""{"0":"9"}""", (await client.ReplyToAsync(same))["response"]!["diff"]!.ToJsonString());

        var other = await client.PushAsync(joinRef, client.Topic, "live_patch", new { url = new Uri(server.BaseAddress, "/counter").ToString() });
        Assert.Equal("""{"status":"ok","response":{"link_redirect":true}}""", (await client.ReplyToAsync(other)).ToJsonString());
    }

    [Fact]
    public async Task Push_navigate_replies_live_redirect_with_the_flash_and_closes_the_channel()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var navigate = await ClickAsync(client, joinRef, "navigate");
        var reply = (await client.ReplyToAsync(navigate))["response"]!["live_redirect"]!;
        Assert.Equal("/rooms/blue", (string?)reply["to"]);
        Assert.Equal("push", (string?)reply["kind"]);
        Assert.Equal("phx_close", (string?)(await client.ReceiveAsync())[3]);

        // The client then joins the same topic with the redirect URL and the flash token.
        var flash = (string)reply["flash"]!;
        var rejoin = await client.PushAsync(null, client.Topic, "phx_join", new
        {
            redirect = new Uri(server.BaseAddress, "/rooms/blue").ToString(),
            @params = new { _mounts = 0 },
            session = client.Page.Session,
            @static = (string?)null,
            flash,
        });
        var rendered = await client.ReplyToAsync(rejoin);
        Assert.Equal("blue", (string?)rendered["response"]!["rendered"]!["0"]);
        Assert.Equal(["moved"], server.Services.GetRequiredService<LiveTokens>().ReadFlash(flash)!["info"]);
    }

    [Fact]
    public async Task Redirect_sends_pending_events_then_replies_redirect_with_a_flash_token_for_the_next_page()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var leave = await ClickAsync(client, joinRef, "leave");
        var frames = new List<JsonArray>();
        var reply = (await client.ReplyToAsync(leave, frames))["response"]!["redirect"]!;

        Assert.Equal("""[["bye",{"now":true}]]""", Assert.Single(frames)[4]!["e"]!.ToJsonString());
        Assert.Equal("https://example.com/out", (string?)reply["to"]);
        Assert.Null(reply["kind"]);

        // The client stores the token in the __phoenix_flash__ cookie; the next dead render shows it.
        using var handler = new HttpClientHandler { UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/nav");
        request.Headers.Add("Cookie", "__phoenix_flash__=" + (string)reply["flash"]!);
        using var response = await http.SendAsync(request);
        Assert.Contains("""<div class="flash flash-info" role="alert">bye""", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_with_replace_carries_kind_replace_for_the_client_module()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var leave = await ClickAsync(client, joinRef, "leave_replacing");
        var reply = (await client.ReplyToAsync(leave))["response"]!["redirect"]!;

        Assert.Equal("""{"to":"/nav?x=back","kind":"replace"}""", reply.ToJsonString());
    }

    [Fact]
    public async Task Redirect_from_handle_info_is_a_push()
    {
        var (client, _, _) = await JoinAsync(server, "/nav");
        await using var _client = client;
        await server.Services.GetRequiredService<IPubSub>().BroadcastAsync("news", "go-away");

        var push = await NextPushAsync(client, "live_redirect");
        Assert.Equal("""{"to":"/rooms/red","kind":"replace"}""", push[4]!.ToJsonString());
    }

    [Fact]
    public async Task Push_events_title_and_commands_ride_in_the_diff()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        Assert.Equal("""{"e":[["saved",{"id":1}]]}""", (await client.ReplyToAsync(await ClickAsync(client, joinRef, "saved")))["response"]!["diff"]!.ToJsonString());
        Assert.Equal("""{"t":"Renamed"}""", (await client.ReplyToAsync(await ClickAsync(client, joinRef, "rename")))["response"]!["diff"]!.ToJsonString());
        Assert.Equal("""{"e":[["hyper:focus",{"selector":"#name"}]]}""", (await client.ReplyToAsync(await ClickAsync(client, joinRef, "focus_name")))["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Reply_answers_a_hook_push_in_the_reply_diff_only()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var ping = await client.PushAsync(joinRef, client.Topic, "event", new { type = "hook", @event = "ping", value = new { n = 7 } });
        Assert.Equal("""{"r":{"pong":"7"}}""", (await client.ReplyToAsync(ping))["response"]!["diff"]!.ToJsonString());

        var next = await ClickAsync(client, joinRef, "saved");
        Assert.Equal("""{"e":[["saved",{"id":1}]]}""", (await client.ReplyToAsync(next))["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Flash_is_rendered_and_cleared_by_the_user()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var diff = (await client.ReplyToAsync(await ClickAsync(client, joinRef, "notify")))["response"]!["diff"]!.ToJsonString();
        Assert.Contains("Saved!", diff, StringComparison.Ordinal);
        Assert.Contains("lv:clear-flash", diff, StringComparison.Ordinal);

        var clear = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "lv:clear-flash", value = new { key = "success" } });
        Assert.Equal("""{"3":{"k":{"kc":0}}}""", (await client.ReplyToAsync(clear))["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Recoverable_error_shows_an_error_flash_and_the_session_continues()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var reply = await client.ReplyToAsync(await ClickAsync(client, joinRef, "recover"));
        Assert.Equal("ok", (string?)reply["status"]);
        Assert.Contains("Try again later", reply["response"]!["diff"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("error:RecoverableError", server.Probe.Events);

        Assert.Equal("""{"0":"2"}""", (await client.ReplyToAsync(await ClickAsync(client, joinRef, "patch")))["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Lifecycle_hooks_and_server_callbacks_run()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        Assert.Contains("mounted", server.Probe.Events);
        Assert.Contains("start:NavView", server.Probe.Events);

        await client.ReplyToAsync(await ClickAsync(client, joinRef, "boom"));
        Assert.Contains("error:InvalidOperationException", server.Probe.Events);
        await client.DisposeAsync();
        await WaitUntil(() => server.Probe.Events.Contains("end:NavView"));
    }

    [Fact]
    public async Task Background_work_completes_through_the_mailbox()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        await client.ReplyToAsync(await ClickAsync(client, joinRef, "compute"));

        Assert.Equal("""{"1":"result 42"}""", (await NextPushAsync(client, "diff"))[4]!.ToJsonString());
    }

    [Fact]
    public async Task Render_now_pushes_an_intermediate_render_before_the_reply()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/nav");
        await using var _client = client;

        var search = await ClickAsync(client, joinRef, "search");
        var frames = new List<JsonArray>();
        var reply = await client.ReplyToAsync(search, frames);

        Assert.Equal("Searching…", (string?)Assert.Single(frames)[4]!["1"]);
        Assert.Equal("""{"1":"found"}""", reply["response"]!["diff"]!.ToJsonString());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
