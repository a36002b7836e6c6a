using System.Text.Json.Nodes;
using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Components;

/// <summary>Live components and row components on the wire (protocol §4.5, §5.5, §5.7): cids, the "c" map, shared statics, the destroy handshake.</summary>
public sealed class ComponentProtocolTests(LiveTestServer server) : IClassFixture<LiveTestServer>
{
    private static async Task<(PhoenixTestClient Client, string JoinRef, JsonObject Rendered)> JoinAsync(LiveTestServer server, string path)
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, path);
        var joinRef = await client.JoinAsync();
        var reply = await client.ReplyToAsync(joinRef);
        Assert.Equal("ok", (string?)reply["status"]);
        return (client, joinRef, reply["response"]!["rendered"]!.AsObject());
    }

    private static async Task<JsonObject> SendAsync(PhoenixTestClient client, string joinRef, string eventName, object payload) =>
        (await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, eventName, payload)))["response"]!.AsObject();

    private static Task<JsonObject> ClickAsync(PhoenixTestClient client, string joinRef, string name, int? cid = null, object? value = null) =>
        SendAsync(client, joinRef, "event", cid is null
            ? new { type = "click", @event = name, value = value ?? new { } }
            : new { type = "click", @event = name, value = value ?? new { }, cid });

    [Fact]
    public async Task The_join_sends_each_component_once_in_c_with_r_1_and_the_later_ones_reuse_the_first_ones_statics()
    {
        var (client, _, rendered) = await JoinAsync(server, "/tests/components/tiles-view");
        await using var _ = client;

        var entries = rendered["1"]!["k"]!.AsObject();
        Assert.Equal([1, 2, 3], new[] { "0", "1", "2" }.Select(i => (int)entries[i]!["0"]!));
        var components = rendered["c"]!.AsObject();
        Assert.Equal(["1", "2", "3"], components.Select(kv => kv.Key));
        Assert.Equal(1, (int)components["1"]!["r"]!);
        Assert.Contains("phx-target=\"\"", string.Concat(components["1"]!["s"]!.AsArray().Select(s => (string?)s)), StringComparison.Ordinal);
        Assert.Equal("""{"0":"2","1":"0","s":1,"r":1}""", components["2"]!.ToJsonString());
    }

    [Fact]
    public async Task An_event_with_a_cid_runs_that_components_handler_and_the_reply_carries_only_that_component()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/tiles-view?n=100");
        await using var _ = client;

        var reply = await ClickAsync(client, joinRef, "bump", cid: 42);

        Assert.Equal("""{"c":{"42":{"1":"1"}}}""", reply["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task A_component_added_later_reuses_the_statics_the_client_has_with_a_negative_cid()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/tiles-view");
        await using var _ = client;

        var reply = await ClickAsync(client, joinRef, "show", value: new { id = "7" });

        Assert.Equal("""{"0":"7","1":"0","s":-1,"r":1}""", reply["diff"]!["c"]!["4"]!.ToJsonString());
    }

    [Fact]
    public async Task The_destroy_handshake_forgets_a_component_only_once_it_is_confirmed_gone()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/tiles-view");
        await using var _ = client;

        await ClickAsync(client, joinRef, "hide", value: new { id = "2" });
        await ClickAsync(client, joinRef, "hide", value: new { id = "3" });
        Assert.Equal("{}", (await SendAsync(client, joinRef, "cids_will_destroy", new { cids = new[] { 2, 3 } })).ToJsonString());

        // Shown again between the two steps: sent in full (the client may drop what it had), and not destroyed.
        var shown = await ClickAsync(client, joinRef, "show", value: new { id = "3" });
        Assert.Equal("""{"0":"3","1":"0","s":-1,"r":1}""", shown["diff"]!["c"]!["3"]!.ToJsonString());
        Assert.Equal("""{"cids":[2]}""", (await SendAsync(client, joinRef, "cids_destroyed", new { cids = new[] { 2, 3 } })).ToJsonString());

        var stale = await ClickAsync(client, joinRef, "bump", cid: 2);
        Assert.Contains("component 2", (string?)stale["error"], StringComparison.Ordinal);
        Assert.Equal("""{"c":{"3":{"1":"1"}}}""", (await ClickAsync(client, joinRef, "bump", cid: 3))["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Malformed_cids_get_an_error_reply_and_the_view_carries_on()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/tiles-view");
        await using var _ = client;

        var reply = await SendAsync(client, joinRef, "cids_will_destroy", new { cids = new object[] { "x" } });

        Assert.Equal("malformed cids_will_destroy: 'cids' must be an array of component ids", (string?)reply["error"]);
        Assert.Equal("""{"c":{"1":{"1":"1"}}}""", (await ClickAsync(client, joinRef, "bump", cid: 1))["diff"]!.ToJsonString());
        var log = server.Logs.Single(l => l.Contains("malformed cids_will_destroy", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_with_two_root_elements_fails_its_first_render_with_a_clear_error()
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/tests/components/two-roots-view");
        await using var _ = client;
        await client.JoinAsync();

        await client.ReceiveAsync(); // the crash
        Assert.Contains(server.Probe.Events, e => e.StartsWith("two-roots: ", StringComparison.Ordinal) &&
            e.Contains("a live component must render exactly one root element", StringComparison.Ordinal));
    }

    // Keyed rows as row components: the comprehension holds cids, the rows go under "c", a changed row is a
    // component-only diff, events from a row reach the view, and the destroy handshake drops removed rows.

    [Fact]
    public async Task The_join_puts_each_rows_cid_in_the_list_and_its_render_under_c_with_the_first_rows_statics()
    {
        var (client, _, rendered) = await JoinAsync(server, "/tests/components/list-rows-view");
        await using var _ = client;

        Assert.Equal("""{"s":["",""],"k":{"0":{"0":1},"1":{"0":2},"2":{"0":3},"kc":3}}""", rendered["0"]!.ToJsonString());
        var rows = rendered["c"]!.AsObject();
        Assert.Equal(["1", "2", "3"], rows.Select(kv => kv.Key));
        Assert.Equal(1, (int)rows["1"]!["r"]!);
        // No phx-target is added: the client sends events from inside a row to the view.
        Assert.DoesNotContain("phx-target", rows["1"]!["s"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("""{"0":"2","1":"row 2","2":"2","s":1,"r":1}""", rows["2"]!.ToJsonString());
    }

    [Fact]
    public async Task An_event_from_a_row_reaches_the_view_and_a_changed_row_alone_is_a_component_only_diff()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/list-rows-view?n=100");
        await using var _ = client;

        var reply = await ClickAsync(client, joinRef, "edit", value: new { id = 50 });

        Assert.Equal("""{"c":{"50":{"1":"row 50!"}}}""", reply["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task An_event_sent_with_a_rows_cid_reaches_the_view()
    {
        // What the client sends for phx-target="" or a hook's pushEventTo(this.el) inside a row.
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/list-rows-view");
        await using var _ = client;

        var reply = await ClickAsync(client, joinRef, "edit", cid: 2, value: new { id = 2 });

        Assert.Null(reply["error"]);
        Assert.Equal("""{"c":{"2":{"1":"row 2!"}}}""", reply["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Removed_rows_are_confirmed_destroyed_and_rows_still_shown_are_not()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/list-rows-view");
        await using var _ = client;

        var removed = await ClickAsync(client, joinRef, "remove", value: new { id = 2 });
        Assert.Equal("""{"0":{"k":{"1":2,"kc":2,"km":true}}}""", removed["diff"]!.ToJsonString());
        Assert.Equal("{}", (await SendAsync(client, joinRef, "cids_will_destroy", new { cids = new[] { 2 } })).ToJsonString());
        Assert.Equal("""{"cids":[2]}""", (await SendAsync(client, joinRef, "cids_destroyed", new { cids = new[] { 2, 3 } })).ToJsonString());

        // The key comes back as a new row: a new cid, never the destroyed one, with the statics of row 1.
        var added = await ClickAsync(client, joinRef, "add", value: new { id = 2 });
        Assert.Equal("""{"0":{"k":{"2":{"0":4},"kc":3}},"c":{"4":{"0":"2","1":"row 2","2":"2","s":-1,"r":1}}}""", added["diff"]!.ToJsonString());
    }
}
