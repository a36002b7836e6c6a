using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Bindings;

/// <summary>Bindings over a real WebSocket: delegates, arguments, bad input and intermediate renders.</summary>
public sealed partial class EventBindingProtocolTests(LiveTestServer server) : IClassFixture<LiveTestServer>
{
    private static async Task<(PhoenixTestClient Client, string JoinRef, string Rendered)> JoinAsync(LiveTestServer server, string path)
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, path);
        var joinRef = await client.JoinAsync();
        var reply = await client.ReplyToAsync(joinRef);
        return (client, joinRef, reply.ToJsonString());
    }

    [Fact]
    public async Task Delegate_binding_calls_its_delegate_and_a_removed_one_is_refused()
    {
        var (client, joinRef, rendered) = await JoinAsync(server, "/tests/bindings/items-view");
        await using var _ = client;
        var ids = BindingIds().Matches(rendered).Select(m => m.Value).ToList();
        Assert.Equal(3, ids.Count);

        var remove = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = ids[1], value = new { value = "" } });
        var diff = (await client.ReplyToAsync(remove))["response"]!["diff"]!.ToJsonString();
        Assert.Contains("\"kc\":2", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("~", diff, StringComparison.Ordinal); // the other rows kept their ids: no diff noise

        var stale = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = ids[1], value = new { } });
        var refused = await client.ReplyToAsync(stale);
        Assert.Equal("ok", (string?)refused["status"]); // "ok" so the client unlocks the element that sent it
        Assert.Contains("is no longer on the page", (string?)refused["response"]!["error"], StringComparison.Ordinal);
        Assert.Contains(server.Logs, line => line.Contains("from a binding that is no longer on the page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_typed_argument_gets_the_error_shape_reaches_on_error_and_the_session_continues()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/bindings/items-view");
        await using var __ = client;

        var bad = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "toggle", value = new { _args = new[] { "abc" } } });
        var reply = await client.ReplyToAsync(bad);
        Assert.Equal("ok", (string?)reply["status"]); // "ok" so the client unlocks the element that sent it
        Assert.Equal("Invalid parameter 'id': expected int, got 'abc'", (string?)reply["response"]!["error"]);
        Assert.Contains(server.Logs, line => line.Contains("ItemsView refused 'toggle': Invalid parameter 'id'", StringComparison.Ordinal));

        // What OnError changed comes with the refusal itself: the browser ignores the error text.
        var refusedDiff = reply["response"]!["diff"]!.ToJsonString();
        Assert.Contains("\"InvalidParameterException\"", refusedDiff, StringComparison.Ordinal);

        var good = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "toggle", value = new { _args = new[] { "2" } } });
        var diff = (await client.ReplyToAsync(good))["response"]!["diff"]!.ToJsonString();
        Assert.Contains("done", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_input_is_rendered_with_the_refusal_and_cleared_by_the_next_event()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/bindings/age-view");
        await using var __ = client;

        var bad = await client.PushAsync(joinRef, client.Topic, "event", new { type = "form", @event = "set_age", value = "age=abc" });
        var reply = await client.ReplyToAsync(bad);

        Assert.Equal("ok", (string?)reply["status"]);
        Assert.Equal("Invalid parameter 'age': expected int, got 'abc'", (string?)reply["response"]!["error"]);
        var diff = reply["response"]!["diff"]!.ToJsonString();
        Assert.Contains("is not valid for age.", diff, StringComparison.Ordinal);
        Assert.Contains("hyper-input-errors", diff, StringComparison.Ordinal);
        Assert.Contains("data-field=", diff, StringComparison.Ordinal);

        var good = await client.PushAsync(joinRef, client.Topic, "event", new { type = "form", @event = "set_age", value = "age=42" });
        var after = await client.ReplyToAsync(good);
        Assert.Null(after["response"]!["error"]);
        var cleared = after["response"]!["diff"]!.ToJsonString();
        Assert.Contains("42", cleared, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid", cleared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_now_pushes_the_intermediate_state_before_the_reply()
    {
        var (client, joinRef, _) = await JoinAsync(server, "/tests/bindings/slow-search-view");
        await using var _ = client;

        var search = await client.PushAsync(joinRef, client.Topic, "event", new { type = "input", @event = "search", value = new { value = "hats", _args = new object[] { new { field = "value" } } } });
        var before = new List<JsonArray>();
        var reply = await client.ReplyToAsync(search, before);

        var push = Assert.Single(before);
        Assert.Equal("diff", (string?)push[3]);
        Assert.Equal("""{"0":"searching hats"}""", push[4]!.ToJsonString());
        Assert.Equal("""{"0":"found hats"}""", reply["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task A_misspelt_handler_fails_the_first_render()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await http.GetAsync(new Uri("/tests/bindings/misspelt-view", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [GeneratedRegex("~[0-9a-f]{16}")]
    private static partial Regex BindingIds();
}
