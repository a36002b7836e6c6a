using System.Net.WebSockets;

namespace Hyper.Live.Tests.Protocol;

/// <summary>URLs and origins a client sends over the socket, checked against the site it connected to.</summary>
public sealed class WebSecurityProtocolTests(LiveTestServer server) : IClassFixture<LiveTestServer>
{
    private async Task<(PhoenixTestClient Client, string JoinRef)> JoinNavAsync()
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/nav");
        var joinRef = await client.JoinAsync();
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(joinRef))["status"]);
        return (client, joinRef);
    }

    // Another host is a navigation away (link_redirect); a scheme other than http(s) is refused
    // as a malformed frame before it reaches the session.
    [Theory]
    [InlineData("javascript:/nav?x=evil", """{"status":"error","response":{"reason":"malformed frame: live_patch needs an absolute http or https 'url'"}}""")]
    [InlineData("http://evil.example/nav?x=evil", """{"status":"ok","response":{"link_redirect":true}}""")]
    [InlineData("ws://127.0.0.1/nav?x=evil", """{"status":"error","response":{"reason":"malformed frame: live_patch needs an absolute http or https 'url'"}}""")]
    public async Task Live_patch_to_a_url_off_the_site_is_not_a_patch(string url, string expected)
    {
        var (client, joinRef) = await JoinNavAsync();
        await using var _client = client;

        var patch = await client.PushAsync(joinRef, client.Topic, "live_patch", new { url });
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(expected)!.ToJsonString(), (await client.ReplyToAsync(patch)).ToJsonString());

        // HandleParams never saw the foreign URL: a real patch afterwards still diffs from the original state.
        var same = await client.PushAsync(joinRef, client.Topic, "live_patch", new { url = new Uri(server.BaseAddress, "/nav?x=9").ToString() });
        Assert.Equal("""{"0":"9"}""", (await client.ReplyToAsync(same))["response"]!["diff"]!.ToJsonString());
    }

    // Another host fails the join's authorization; a scheme other than http(s) makes the join malformed (stale).
    [Theory]
    [InlineData("http://evil.example/nav", "unauthorized")]
    [InlineData("javascript:/nav", "stale")]
    public async Task Join_with_a_url_off_the_site_is_refused(string url, string reason)
    {
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/nav");
        var joinRef = await client.JoinAsync(url: url);

        var reply = await client.ReplyToAsync(joinRef);
        Assert.Equal("{\"status\":\"error\",\"response\":{\"reason\":\"" + reason + "\"}}", reply.ToJsonString());
    }

    [Theory]
    [InlineData("rebound.example")]
    [InlineData("evil.example")]
    public async Task Origin_of_a_host_name_the_app_is_not_configured_for_is_refused_even_when_it_matches_the_host_header(string name)
    {
        // DNS rebinding: a page at a foreign name that now resolves to the server sends that name
        // in both Origin and Host. The server listens on 127.0.0.1 only.
        var authority = $"{name}:{server.BaseAddress.Port}";
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Host", authority);
        socket.Options.SetRequestHeader("Origin", "http://" + authority);

        var error = await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.BaseAddress.Port}/live/websocket?vsn=2.0.0"), CancellationToken.None));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        lock (server.Logs)
        {
            Assert.Contains(server.Logs, line => line.StartsWith($"Warning: Refused a socket from the origin 'http://{authority}'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Loopback_names_are_one_another()
    {
        var localhost = new UriBuilder(server.BaseAddress) { Host = "localhost" }.Uri;
        await using var client = await PhoenixTestClient.ConnectAsync(localhost, "/nav");
        var joinRef = await client.JoinAsync();
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(joinRef))["status"]);
    }

    [Fact]
    public async Task Origin_of_the_configured_address_is_accepted()
    {
        var (client, _) = await JoinNavAsync();
        await client.DisposeAsync();
    }
}
