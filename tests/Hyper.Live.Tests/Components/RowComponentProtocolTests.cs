using System.Text.Json.Nodes;
using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Components;

/// <summary>
/// Keyed rows as row components on the wire: the comprehension holds cids, the rows go under "c", a changed
/// row is a component-only diff, events from a row reach the view, and the destroy handshake drops removed rows.
/// </summary>
public sealed class RowComponentProtocolTests(LiveTestServer server) : IClassFixture<LiveTestServer>
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

    private static Task<JsonObject> ClickAsync(PhoenixTestClient client, string joinRef, string name, int id, int? cid = null) =>
        SendAsync(client, joinRef, "event", cid is null
            ? new { type = "click", @event = name, value = new { id } }
            : new { type = "click", @event = name, value = new { id }, cid });

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

        var reply = await ClickAsync(client, joinRef, "edit", 50);

        Assert.Equal("""{"c":{"50":{"1":"row 50!"}}}""", reply["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task An_event_sent_with_a_rows_cid_reaches_the_view()
    {
        // What the client sends for phx-target="" or a hook's pushEventTo(this.el) inside a row.
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/list-rows-view");
        await using var _ = client;

        var reply = await ClickAsync(client, joinRef, "edit", 2, cid: 2);

        Assert.Null(reply["error"]);
        Assert.Equal("""{"c":{"2":{"1":"row 2!"}}}""", reply["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Removed_rows_are_confirmed_destroyed_and_rows_still_shown_are_not()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/components/list-rows-view");
        await using var _ = client;

        var removed = await ClickAsync(client, joinRef, "remove", 2);
        Assert.Equal("""{"0":{"k":{"1":2,"kc":2,"km":true}}}""", removed["diff"]!.ToJsonString());
        Assert.Equal("{}", (await SendAsync(client, joinRef, "cids_will_destroy", new { cids = new[] { 2 } })).ToJsonString());
        Assert.Equal("""{"cids":[2]}""", (await SendAsync(client, joinRef, "cids_destroyed", new { cids = new[] { 2, 3 } })).ToJsonString());

        // The key comes back as a new row: a new cid, never the destroyed one, with the statics of row 1.
        var added = await ClickAsync(client, joinRef, "add", 2);
        Assert.Equal("""{"0":{"k":{"2":{"0":4},"kc":3}},"c":{"4":{"0":"2","1":"row 2","2":"2","s":-1,"r":1}}}""", added["diff"]!.ToJsonString());
    }
}
