using Hyper.Live.Tests.Protocol;
using Hyper.Live.Transports;

namespace Hyper.Live.Tests.Transports;

/// <summary>The long-poll transport over plain HTTP: the session's lifecycle, bad tokens, limits and expiry.</summary>
public sealed class LongPollProtocolTests(LongPollTestServer server) : IClassFixture<LongPollTestServer>
{
    [Fact]
    public async Task A_session_opens_joins_and_answers_events_over_plain_http()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");

        var opened = await client.OpenAsync();
        Assert.Equal(410, (int?)opened["status"]);
        Assert.False(string.IsNullOrEmpty(client.Token));
        Assert.Empty(opened["messages"]!.AsArray());

        Assert.Equal(200, (int?)(await client.PostAsync(client.Join(out var joinRef)))["status"]);
        var joined = await client.ReplyToAsync(joinRef);
        Assert.Equal("ok", (string?)joined[4]!["status"]);
        Assert.Equal("0", (string?)joined[4]!["response"]!["rendered"]!["0"]);

        // Two frames in one body, as the client batches them: both are handled, in order.
        var first = client.Click(joinRef, "increment", out _);
        var second = client.Click(joinRef, "increment", out var secondRef);
        Assert.Equal(200, (int?)(await client.PostAsync(first, second))["status"]);
        Assert.Equal("""{"0":"2"}""", (await client.ReplyToAsync(secondRef))[4]!["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task A_poll_with_nothing_to_send_is_answered_204_after_the_window()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
        await client.OpenAsync();

        var started = System.Diagnostics.Stopwatch.StartNew();
        var answer = await client.GetAsync();

        Assert.Equal(204, (int?)answer["status"]);
        Assert.Equal(client.Token, (string?)answer["token"]);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {started.Elapsed}");
    }

    [Fact]
    public async Task A_heartbeat_is_answered()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
        await client.OpenAsync();

        await client.PostAsync(client.Frame(null, "phoenix", "heartbeat", new { }, out var beat));

        Assert.Equal("ok", (string?)(await client.ReplyToAsync(beat))[4]!["status"]);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_token_is_answered_gone_and_logged(string token)
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
        client.Token = token;

        Assert.Equal(410, (int?)(await client.GetAsync())["status"]);
        Assert.Equal(410, (int?)(await client.PostAsync(client.Join(out _)))["status"]);
        Assert.Null((await client.GetAsync())["token"]);
        Assert.Contains(Logs(), line => line == "Warning: Refused a long-poll request with a token this app did not sign");
    }

    [Fact]
    public async Task A_post_without_a_token_is_answered_gone()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");

        Assert.Equal(410, (int?)(await client.PostAsync(client.Join(out _)))["status"]);
        Assert.Contains(Logs(), line => line == "Warning: Refused a long-poll POST without a session token");
    }

    [Fact]
    public async Task A_session_whose_client_stops_polling_expires_and_unmounts_its_view()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
        var joinRef = await client.OpenAndJoinAsync();
        var ends = server.Probe.Count("end:CounterView");

        // IdleTimeout is 1 s here: no poll for longer ends the session (other tests' sessions end too, so look it up).
        var registry = (LongPollRegistry)server.Services.GetService(typeof(LongPollRegistry))!;
        await LongPollTestServer.Eventually(() => registry.Find(client.Token!, out _) is null);
        await LongPollTestServer.Eventually(() => server.Probe.Count("end:CounterView") > ends);

        var answer = await client.GetAsync();
        Assert.Equal(410, (int?)answer["status"]);
        Assert.Equal(410, (int?)(await client.PostAsync(client.Click(joinRef, "increment", out _)))["status"]);
    }

    [Fact]
    public async Task Polling_keeps_a_session_open_past_the_idle_timeout()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
        var joinRef = await client.OpenAndJoinAsync();

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(2.5);
        while (DateTime.UtcNow < until)
        {
            Assert.NotEqual(410, (int?)(await client.GetAsync())["status"]);
        }

        await client.PostAsync(client.Click(joinRef, "increment", out var eventRef));
        Assert.Equal("""{"0":"1"}""", (await client.ReplyToAsync(eventRef))[4]!["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task A_wrong_csrf_token_opens_a_session_whose_joins_are_stale()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter", csrfOverride: "forged");
        await client.OpenAsync();

        await client.PostAsync(client.Join(out var joinRef));

        var reply = await client.ReplyToAsync(joinRef);
        Assert.Equal("""{"status":"error","response":{"reason":"stale"}}""", reply[4]!.ToJsonString());
    }

    [Fact]
    public async Task A_foreign_origin_is_refused_with_403()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter", origin: "http://evil.example");

        var answer = await client.OpenAsync();

        Assert.Equal(403, (int?)answer["status"]);
        Assert.Null(client.Token);
        Assert.Contains(Logs(), line => line.StartsWith("Warning: Refused a long-poll request from the origin 'http://evil.example'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_over_the_frame_limit_closes_the_session()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
        var joinRef = await client.OpenAndJoinAsync();

        var huge = client.Frame(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { text = new string('x', 9000) } }, out _);

        Assert.Equal(413, (int?)(await client.PostAsync(huge))["status"]);
        Assert.Equal(410, (int?)(await client.GetAsync())["status"]);
        Assert.Contains(Logs(), line => line == "Warning: Closing a long-poll session that sent a frame over 8192 bytes");
    }

    [Fact]
    public async Task An_unreadable_line_closes_the_session_with_a_warning()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
        await client.OpenAsync();

        Assert.Equal(400, (int?)(await client.PostAsync("[not json"))["status"]);
        Assert.Equal(410, (int?)(await client.GetAsync())["status"]);
        Assert.Contains(Logs(), line => line == "Warning: Closing a long-poll session: malformed frame");
    }

    private string[] Logs()
    {
        lock (server.Logs)
        {
            return [.. server.Logs];
        }
    }
}
