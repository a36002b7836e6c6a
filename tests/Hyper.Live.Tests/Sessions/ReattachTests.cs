using System.Text.Json.Nodes;
using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Sessions;

/// <summary>
/// Session ids and re-attach (issue 15), over real WebSockets: a dropped socket leaves its sessions alive, detached, and
/// the page's rejoin gets the same instance back, with no remount; nobody else's join does.
/// </summary>
public sealed class ReattachTests
{
    private static Task<SurvivalServer> StartAsync(Action<HyperLiveOptions>? configure = null) => SurvivalServer.StartAsync(configure);

    private static async Task<(PhoenixTestClient Client, string JoinRef)> JoinedAsync(SurvivalServer server, string? user = null)
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/survivor", user: user);
        var joinRef = await client.JoinAsync();
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(joinRef))["status"]);
        return (client, joinRef);
    }

    private static async Task ClickAsync(PhoenixTestClient client, string joinRef, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { } }));
        }
    }

    /// <summary>The page's rejoin over a new socket (<c>_mounts</c> 1): the join reply.</summary>
    private static async Task<(PhoenixTestClient Client, JsonObject Reply, string JoinRef)> RejoinAsync(SurvivalServer server, PhoenixTestClient.LivePage page, string? user = null)
    {
        var client = await PhoenixTestClient.ReopenAsync(server.BaseAddress, page, user);
        var joinRef = await client.JoinAsync(mounts: 1);
        return (client, await client.ReplyToAsync(joinRef), joinRef);
    }

    private static string? Rendered(JsonObject reply, string key) => (string?)reply["response"]!["rendered"]![key];

    private static Task EventuallyAsync(Func<bool> condition) => SurvivalServer.EventuallyAsync(condition);

    [Fact]
    public async Task The_dead_render_and_the_connected_view_share_one_unguessable_session_id()
    {
        await using var server = await StartAsync();
        var (client, _) = await JoinedAsync(server);
        await using var _ = client;

        var dead = Assert.Single(server.Probe.DeadRenders);
        var live = Assert.Single(server.Probe.Mounts);
        Assert.Equal(dead, live);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", live); // 16 random bytes, base64url
        Assert.NotEqual(client.Page.Id, live);
    }

    [Fact]
    public async Task A_rejoin_after_a_dropped_socket_reattaches_the_same_view_with_no_remount()
    {
        await using var server = await StartAsync();
        var (first, joinRef) = await JoinedAsync(server);
        await ClickAsync(first, joinRef, times: 3);

        first.Drop();
        await EventuallyAsync(() => server.Metrics.DetachedSessions == 1);
        // Messages reach the detached view and are handled; their renders go nowhere.
        await server.PubSub.BroadcastAsync("survival-news", "while away");
        var (second, reply, rejoinRef) = await RejoinAsync(server, first.Page);
        await using var _ = second;

        Assert.Equal("ok", (string?)reply["status"]);
        Assert.Equal("3", Rendered(reply, "0"));
        Assert.Equal("1", Rendered(reply, "1"));
        Assert.NotNull(reply["response"]!["rendered"]!["s"]); // a full render: the client starts from nothing
        Assert.Single(server.Probe.Mounts);
        Assert.Empty(server.Probe.Ended);

        // And it carries on over the new socket.
        var click = await second.ReplyToAsync(await second.PushAsync(rejoinRef, second.Topic, "event", new { type = "click", @event = "increment", value = new { } }));
        Assert.Equal("4", (string?)click["response"]!["diff"]!["0"]);
    }

    [Fact]
    public async Task A_rejoin_while_the_old_socket_still_looks_open_takes_the_session_over()
    {
        // A network change: the server has not noticed the old connection is gone when the page comes back.
        await using var server = await StartAsync();
        var (first, joinRef) = await JoinedAsync(server);
        await using var _ = first;
        await ClickAsync(first, joinRef, times: 2);

        var (second, reply, _) = await RejoinAsync(server, first.Page);
        await using var __ = second;

        Assert.Equal("2", Rendered(reply, "0"));
        Assert.Single(server.Probe.Mounts);
        var closed = await first.ReceiveAsync();
        Assert.Equal("phx_close", (string?)closed[3]);
        Assert.Equal(first.Topic, (string?)closed[2]);
    }

    [Fact]
    public async Task A_first_join_of_the_same_page_never_takes_over_an_attached_session()
    {
        await using var server = await StartAsync();
        var (first, joinRef) = await JoinedAsync(server);
        await using var _ = first;
        await ClickAsync(first, joinRef, times: 2);

        // A copy of the page (same tokens) joining as a new page does: _mounts 0.
        await using var copy = await PhoenixTestClient.ReopenAsync(server.BaseAddress, first.Page);
        var reply = await copy.ReplyToAsync(await copy.JoinAsync());

        Assert.Equal("0", Rendered(reply, "0"));
        Assert.Equal(2, server.Probe.Mounts.Count);
        Assert.NotEqual(server.Probe.Mounts.First(), server.Probe.Mounts.Last()); // its own session id
        await ClickAsync(first, joinRef);
        var click = await first.ReplyToAsync(await first.PushAsync(joinRef, first.Topic, "event", new { type = "click", @event = "increment", value = new { } }));
        Assert.Equal("4", (string?)click["response"]!["diff"]!["0"]);
    }

    [Fact]
    public async Task Another_users_rejoin_with_the_pages_token_is_refused_and_leaves_the_session_alone()
    {
        await using var server = await StartAsync();
        var (first, joinRef) = await JoinedAsync(server, user: "ann");
        await ClickAsync(first, joinRef, times: 2);
        first.Drop();

        var (mallory, refused, _) = await RejoinAsync(server, first.Page, user: "mallory");
        await using var _ = mallory;
        Assert.Equal("error", (string?)refused["status"]);
        Assert.Equal("unauthorized", (string?)refused["response"]!["reason"]);

        var (ann, reply, _) = await RejoinAsync(server, first.Page, user: "ann");
        await using var __ = ann;
        Assert.Equal("2", Rendered(reply, "0"));
        Assert.Single(server.Probe.Mounts);
    }

    [Fact]
    public async Task Another_tab_cannot_reach_the_session_of_this_one()
    {
        await using var server = await StartAsync();
        var (first, joinRef) = await JoinedAsync(server);
        await ClickAsync(first, joinRef, times: 2);
        first.Drop();

        // Another tab has its own container id and token; it cannot name this page's topic with them.
        var other = await PhoenixTestClient.LoadAsync(server.BaseAddress, "/survivor");
        await using var tab = await PhoenixTestClient.ReopenAsync(server.BaseAddress, other);
        var stolen = await tab.ReplyToAsync(await tab.JoinAsync(topic: first.Topic, mounts: 1));
        Assert.Equal("stale", (string?)stolen["response"]!["reason"]);
        var own = await tab.ReplyToAsync(await tab.JoinAsync(mounts: 1));
        Assert.Equal("0", Rendered(own, "0"));
    }

    [Fact]
    public async Task After_the_grace_period_the_session_ends_and_a_rejoin_mounts_fresh()
    {
        await using var server = await StartAsync(options => options.DisconnectedSessionRetention = TimeSpan.FromMilliseconds(200));
        var (first, joinRef) = await JoinedAsync(server);
        await ClickAsync(first, joinRef, times: 2);
        first.Drop();

        await EventuallyAsync(() => server.Probe.Ended.Count == 1);
        var (second, reply, _) = await RejoinAsync(server, first.Page);
        await using var _ = second;

        Assert.Equal("0", Rendered(reply, "0"));
        Assert.Equal(2, server.Probe.Mounts.Count);
        Assert.Equal(server.Probe.Mounts.First(), server.Probe.Mounts.Last()); // the page's session id, again
    }

    [Fact]
    public async Task Past_the_cap_the_session_detached_longest_ends_first()
    {
        await using var server = await StartAsync(options => options.MaxRetainedSessions = 1);
        var (first, _) = await JoinedAsync(server);
        var (second, _) = await JoinedAsync(server);
        var ids = server.Probe.Mounts.ToArray();

        first.Drop();
        await EventuallyAsync(() => server.Metrics.DetachedSessions == 1);
        second.Drop();

        await EventuallyAsync(() => server.Probe.Ended.Count == 1);
        Assert.Equal(ids[0], Assert.Single(server.Probe.Ended));
    }

    [Fact]
    public async Task A_page_that_closed_its_socket_with_1000_has_gone_and_keeps_nothing()
    {
        // What the Phoenix client does on pagehide (the tab closed, another page loaded).
        await using var server = await StartAsync();
        var (first, _) = await JoinedAsync(server);
        await first.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);

        await EventuallyAsync(() => server.Probe.Ended.Count == 1);
        Assert.Equal(0, server.Metrics.DetachedSessions);
    }

    [Fact]
    public async Task A_socket_closed_with_another_code_or_for_a_heartbeat_timeout_is_kept_for_the_rejoin()
    {
        await using var server = await StartAsync();
        var (first, joinRef) = await JoinedAsync(server);
        await ClickAsync(first, joinRef);
        var (second, secondRef) = await JoinedAsync(server);
        await ClickAsync(second, secondRef, times: 2);

        // 4000: a close the Phoenix socket did not initiate; 1000 "heartbeat timeout": the client reconnects next.
        await first.Socket.CloseAsync((System.Net.WebSockets.WebSocketCloseStatus)4000, "", CancellationToken.None);
        await second.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "heartbeat timeout", CancellationToken.None);
        await EventuallyAsync(() => server.Metrics.DetachedSessions == 2);

        var (again, reply, _) = await RejoinAsync(server, second.Page);
        await using var _ = again;
        Assert.Equal("2", Rendered(reply, "0"));
        Assert.Empty(server.Probe.Ended);
    }

    [Fact]
    public async Task Without_retention_a_dropped_socket_ends_its_sessions()
    {
        await using var server = await StartAsync(options => options.DisconnectedSessionRetention = TimeSpan.Zero);
        var (first, joinRef) = await JoinedAsync(server);
        await ClickAsync(first, joinRef);
        first.Drop();

        await EventuallyAsync(() => server.Probe.Ended.Count == 1);
        var (second, reply, _) = await RejoinAsync(server, first.Page);
        await using var _ = second;
        Assert.Equal("0", Rendered(reply, "0"));
    }

    [Fact]
    public async Task A_live_navigation_starts_a_new_session_and_is_never_taken_for_a_reattach()
    {
        await using var server = await StartAsync();
        var (client, joinRef) = await JoinedAsync(server);
        await using var _ = client;
        await ClickAsync(client, joinRef);

        // What the client does for a navigate link: leave, then join the same topic with "redirect".
        await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, "phx_leave", new { }));
        var reply = await client.ReplyToAsync(await client.JoinAsync(redirect: new Uri(server.BaseAddress, "/other-survivor").ToString()));

        Assert.Equal("ok", (string?)reply["status"]);
        var mounts = server.Probe.Mounts.ToArray();
        Assert.Equal(2, mounts.Length);
        Assert.StartsWith("other:", mounts[1], StringComparison.Ordinal);
        Assert.NotEqual("other:" + mounts[0], mounts[1]);
        await EventuallyAsync(() => server.Probe.Ended.Count == 1); // the counter left: it is not kept
    }

    [Fact]
    public async Task Stopping_the_server_ends_the_detached_sessions()
    {
        var server = await StartAsync();
        var (first, _) = await JoinedAsync(server);
        first.Drop();
        await EventuallyAsync(() => server.Metrics.DetachedSessions == 1);

        await server.DisposeAsync();

        Assert.Single(server.Probe.Ended);
    }
}
